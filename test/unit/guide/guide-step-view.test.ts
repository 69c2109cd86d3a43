import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from '../../../src/router/router.ts'
import { db } from '../../../src/db/db.ts'
import { applyLocale, i18n } from '../../../src/i18n/i18n.ts'
import GuideStepView from '../../../src/guide/GuideStepView.vue'
import { useSettingsStore } from '../../../src/app/settings.store.ts'
import { FIXTURE_CONTACTS, FIXTURE_ROWS } from '../../fixtures/guide-steps.ts'

// A guide step as the person sees it: texts from IndexedDB (fake-indexeddb), the app's own i18n and router.
beforeEach(async () => {
  await db.delete()
  await db.open()
  await db.guideSteps.bulkPut(FIXTURE_ROWS.steps)
  await db.guideTexts.bulkPut(FIXTURE_ROWS.texts)
  await db.contacts.bulkPut(FIXTURE_CONTACTS)
})
afterEach(async () => {
  await applyLocale('de')
  document.body.innerHTML = ''
})

async function open(id: string, district?: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/guide/step/:id', component: GuideStepView, props: true },
      { path: '/:rest(.*)*', component: { render: () => null } },
    ],
  })
  await router.push(`/guide/step/${id}`)
  const pinia = createPinia()
  setActivePinia(pinia)
  if (district) await useSettingsStore().chooseDistrict(district)
  const wrapper = mount(GuideStepView, { props: { id }, global: { plugins: [pinia, router, i18n] } })
  await vi.waitFor(() => expect(wrapper.find('h1').exists()).toBe(true))
  await flushPromises()
  return wrapper
}

describe('GuideStepView', () => {
  it('shows the step, what to bring and who helps, and keeps the "done" tick on the phone', async () => {
    const wrapper = await open('anmeldung')
    expect(wrapper.get('h1').text()).toBe('Wohnung anmelden (Anmeldung)')
    expect(wrapper.text()).toContain('Melden Sie Ihre Wohnung bei der Behörde im Bürgeramt an.')
    expect(wrapper.findAll('section[aria-labelledby="step-bring"] li').map((li) => li.text())).toEqual(['Pass', 'Wohnungsgeberbestätigung'])
    await vi.waitFor(() => expect(wrapper.text()).toContain('Ausländerbehörde Stendal (Beispiel)'))
    expect(wrapper.find('[data-testid="text-hint"]').exists()).toBe(false)

    const done = wrapper.get('[data-testid="step-done"]')
    await done.setValue(true)
    await vi.waitFor(async () => expect(await db.progress.get('anmeldung')).toMatchObject({ stepId: 'anmeldung' }))
    await done.setValue(false)
    await vi.waitFor(async () => expect(await db.progress.count()).toBe(0))
  })

  it('says so when a step is only in German, and shows the German text then', async () => {
    await applyLocale('uk')
    const wrapper = await open('residence-permit')
    expect(wrapper.get('h1').text()).toBe('Aufenthaltstitel')
    expect(wrapper.get('h1').attributes('lang')).toBe('de')
    expect(wrapper.get('[data-testid="text-hint"]').text()).toBe('Доступно лише німецькою')
  })

  it('marks a district note by its translation status: outdated and unchecked translations say so, a German-only note says "only in German"', async () => {
    await db.guideNotes.bulkPut([
      { id: 'harz.anmeldung', stepId: 'anmeldung', district: 'harz', text: { de: 'Im Harz: nur online.', ar: 'في هارتس: عبر الإنترنت فقط.', uk: 'У Гарці: лише онлайн.' }, status: { ar: 'outdated', uk: 'reviewed' } },
      { id: 'harz.learn-german', stepId: 'learn-german', district: 'harz', text: { de: 'Kurse in Halberstadt.' }, status: {} },
    ])
    await applyLocale('ar')
    const arabic = await open('anmeldung', 'harz')
    await vi.waitFor(() => expect(arabic.find('[data-testid="local-note"]').exists()).toBe(true))
    expect(arabic.get('[data-testid="local-note"]').text()).toContain('في هارتس: عبر الإنترنت فقط.')
    expect(arabic.get('[data-testid="local-note"] [data-testid="text-hint"]').text()).toContain('تغيّر النص الألماني')
    arabic.unmount()

    await applyLocale('uk')
    const reviewed = await open('anmeldung', 'harz')
    await vi.waitFor(() => expect(reviewed.find('[data-testid="local-note"]').exists()).toBe(true))
    expect(reviewed.get('[data-testid="local-note"]').text()).toContain('У Гарці: лише онлайн.')
    expect(reviewed.find('[data-testid="local-note"] [data-testid="text-hint"]').exists()).toBe(false)
    reviewed.unmount()

    const german = await open('learn-german', 'harz')
    await vi.waitFor(() => expect(german.find('[data-testid="local-note"]').exists()).toBe(true))
    expect(german.get('[data-testid="local-note"] [data-testid="text-hint"]').text()).toBe('Доступно лише німецькою')
    expect(german.get('[data-testid="local-note"]').text()).toContain('Kurse in Halberstadt.')
  })
})
