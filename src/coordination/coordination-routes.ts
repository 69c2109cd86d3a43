import type { RouteRecordRaw } from '../router/router.ts'

/**
 * The coordinator workspace's pages, added to the router when a workspace address is first opened
 * (src/app/router.ts): its own lazy chunks and texts, never in a newcomer's start bundle.
 */
export const coordinationRoutes: RouteRecordRaw = {
  path: '/coordination',
  component: () => import('./CoordinationLayout.vue'),
  meta: { area: 'coordination' },
  children: [
    { path: '', name: 'coordination', redirect: { name: 'coordination-meetups' } },
    { path: 'login', name: 'coordination-login', component: () => import('./LoginView.vue'), meta: { public: true } },
    { path: 'forgot', name: 'coordination-forgot', component: () => import('./accounts/ForgotPasswordView.vue'), meta: { public: true } },
    { path: 'password/:token', name: 'coordination-password', component: () => import('./accounts/SetPasswordView.vue'), meta: { public: true } },
    { path: 'meetups', name: 'coordination-meetups', component: () => import('./meetups/CoordinationMeetupsView.vue') },
    { path: 'meetups/new', name: 'coordination-meetup-new', component: () => import('./meetups/MeetupEditorView.vue') },
    {
      path: 'meetups/:id([0-9a-f-]{36})',
      name: 'coordination-meetup',
      component: () => import('./meetups/MeetupEditorView.vue'),
      props: true,
    },
    {
      path: 'registrations',
      name: 'coordination-registrations',
      component: () => import('./registrations/CoordinationRegistrationsView.vue'),
    },
    { path: 'tandems', name: 'coordination-tandems', component: () => import('./tandems/CoordinationTandemsView.vue') },
    { path: 'partners', name: 'coordination-partners', component: () => import('./partners/CoordinationPartnersView.vue') },
    { path: 'content', name: 'coordination-content', component: () => import('./content/ContentStepsView.vue') },
    {
      path: 'content/steps/:id',
      name: 'coordination-content-step',
      component: () => import('./content/StepEditorView.vue'),
      props: true,
    },
    { path: 'content/contacts', name: 'coordination-content-contacts', component: () => import('./content/ContentContactsView.vue') },
    { path: 'feedback', name: 'coordination-feedback', component: () => import('./feedback/CoordinationFeedbackView.vue') },
    { path: 'audit', name: 'coordination-audit', component: () => import('./audit/AuditView.vue') },
    { path: 'accounts', name: 'coordination-accounts', component: () => import('./accounts/CoordinationAccountsView.vue') },
  ],
}
