import { createRouter, createWebHistory, type Router } from '../router/router.ts'
import LanguageView from '../language/LanguageView.vue'
import { useSettingsStore } from './settings.store.ts'
import { applyLocale, ensureWholeLanguage } from '../i18n/i18n.ts'
import { matchLocale, PICKER_FALLBACK, SOURCE_LOCALE } from '../i18n/locales.ts'
import { focusHeadingOnNavigation } from './focus-heading.ts'
import { nextAddress, startAddressLocale } from './start-address-locale.ts'

// The start screen and the guide say only what the first part of a language's texts holds (src/i18n/text-parts.ts).
const startTexts = { startTexts: true }
export const WORKSPACE_ENTRY = 'coordination-entry'

export function createAppRouter(): Router {
  let workspaceRoutesAdded = false
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      { path: '/', redirect: '/meetups' },
      { path: '/welcome', name: 'welcome', component: LanguageView, meta: startTexts },
      { path: '/meetups', name: 'meetups', component: () => import('../meetups/MeetupsView.vue'), meta: startTexts },
      { path: '/meetups/:occurrenceId', name: 'meetup', component: () => import('../meetups/MeetupDetailView.vue'), props: true },
      {
        path: '/meetups/:occurrenceId/poster',
        name: 'meetup-poster',
        component: () => import('../meetups/MeetupPosterView.vue'),
        props: true,
      },
      { path: '/guide', name: 'guide', component: () => import('../guide/GuideView.vue'), meta: startTexts },
      {
        path: '/guide/:phase(planning|first-steps|settling-in)',
        name: 'guide-phase',
        component: () => import('../guide/GuidePhaseView.vue'),
        props: true,
        meta: startTexts,
      },
      { path: '/guide/step/:id', name: 'guide-step', component: () => import('../guide/GuideStepView.vue'), props: true, meta: startTexts },
      { path: '/guide/words', name: 'guide-words', component: () => import('../guide/GlossaryView.vue'), meta: startTexts },
      { path: '/district', name: 'district', component: () => import('../district/DistrictView.vue') },
      { path: '/contacts', name: 'contacts', component: () => import('../contacts/ContactsView.vue') },
      { path: '/contacts/:id', name: 'contact', component: () => import('../contacts/ContactView.vue'), props: true },
      { path: '/search', name: 'search', component: () => import('../search/SearchView.vue') },
      { path: '/saved', name: 'saved', component: () => import('../bookmarks/SavedView.vue') },
      { path: '/volunteering', name: 'volunteering', component: () => import('../volunteering/VolunteeringView.vue') },
      {
        path: '/volunteering/:form(offer|request|register)',
        name: 'volunteering-form',
        component: () => import('../volunteering/VolunteeringFormView.vue'),
      },
      {
        // A person's manage link (sent from any device): opens in the entry's language, no picker first.
        path: '/manage/:token([A-Za-z0-9_-]{43})',
        name: 'manage',
        component: () => import('../manage/ManageView.vue'),
        props: true,
        meta: { ownLanguage: true },
      },
      {
        // The emergency card: one tap from every screen, and it opens before a language is chosen.
        path: '/emergency',
        name: 'emergency',
        component: () => import('../emergency/EmergencyView.vue'),
        meta: { ownLanguage: true },
      },
      { path: '/more', name: 'more', component: () => import('../more/MoreView.vue') },
      // Public declaration of a partner organisation of the integration network (entry, change, deletion).
      { path: '/partners/declare', name: 'partners-declare', component: () => import('../partners/PartnerDeclarationView.vue') },
      {
        // The status link in a partner declaration's mails: any device, in the declaration's language.
        path: '/partners/status/:token([A-Za-z0-9_-]{43})',
        name: 'partner-status',
        component: () => import('../partners/PartnerStatusView.vue'),
        props: true,
        meta: { ownLanguage: true },
      },
      // The coordinator workspace: its routes come with its code (src/coordination/coordination-routes.ts),
      // so a newcomer's start script carries neither; until then every workspace address matches this.
      { path: '/coordination:rest((?:/.*)?)', name: WORKSPACE_ENTRY, meta: { area: 'coordination' } },
      { path: '/:pathMatch(.*)*', redirect: '/' },
    ],
    // Back and forward return to where the person was; a new page starts at the top; the first page
    // of a visit needs no scrolling (which would force a layout while the app starts).
    scrollBehavior: (_to, from, saved) => saved ?? (from.matched.length > 0 ? { top: 0 } : false),
  })
  router.beforeEach(async (to) => {
    if (to.name !== WORKSPACE_ENTRY) return
    if (workspaceRoutesAdded) return '/' // no such page in the workspace
    router.addRoute((await import('../coordination/coordination-routes.ts')).coordinationRoutes)
    workspaceRoutesAdded = true
    return { path: to.path, query: to.query, hash: to.hash, replace: true }
  })
  // A language link of the picker prerendered into index.html, tapped before the app had arrived: that is
  // the person's choice (src/app/start-address-locale.ts).
  // A tap on it at a deeper address carries that address along (`&next=/guide/step/…`, src/app/picker-taps.js).
  router.beforeEach(async (to) => {
    const { lang, next, ...query } = to.query
    const chosen = startAddressLocale((to.redirectedFrom ?? to).path, lang)
    if (!chosen) return
    await useSettingsStore().chooseLocale(chosen)
    const goOn = nextAddress(next)
    if (goOn) return { path: goOn.split('?')[0]!, query: Object.fromEntries(new URLSearchParams(goOn.split('?')[1] ?? '')), replace: true }
    return { path: to.path, query, hash: to.hash, replace: true }
  })
  // First start: the language picker comes before anything else, except on a page that finds its own.
  // The picker itself speaks the phone's language (English when the app has none of the phone's languages).
  router.beforeEach(async (to) => {
    if (useSettingsStore().locale) return
    if (to.name === 'welcome') return void (await applyLocale(matchLocale(navigator.languages) ?? PICKER_FALLBACK, { keepOffline: false }))
    if (!to.meta.ownLanguage) return { name: 'welcome', query: { next: to.fullPath } }
    await applyLocale(matchLocale(navigator.languages) ?? SOURCE_LOCALE)
  })
  router.beforeEach(async (to) => {
    if (to.meta.area !== 'coordination') return
    const { enterCoordination } = await import('../coordination/coordination-guard.ts')
    return enterCoordination(to)
  })
  // Any other view waits for the rest of the language's texts (kept by the service worker after the first visit;
  // offline without them, it shows German, which is always kept).
  router.beforeResolve(async (to) => {
    if (!to.meta.startTexts) await ensureWholeLanguage().catch(() => undefined)
  })
  focusHeadingOnNavigation(router)
  return router
}
