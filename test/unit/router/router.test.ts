// Small pages and layouts of their own, to see what the router renders.
/* eslint-disable vue/one-component-per-file */
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter, RouterLink, RouterView, useRoute, type RouteRecordRaw } from '../../../src/router/router.ts'

const Page = (name: string) => defineComponent({ name, props: { id: { type: String, default: undefined }, phase: { type: String, default: undefined } }, setup: (props) => () => h('p', { 'data-page': name }, props.id ?? props.phase ?? name) })
const Layout = defineComponent({ setup: () => () => h('section', { 'data-layout': '' }, [h(RouterView)]) })

function routes(): RouteRecordRaw[] {
  return [
    { path: '/', redirect: '/meetups' },
    { path: '/meetups', name: 'meetups', component: Page('meetups'), meta: { startTexts: true } },
    { path: '/meetups/:id', name: 'meetup', component: Page('meetup'), props: true },
    { path: '/guide/:phase(planning|first-steps)', name: 'guide-phase', component: () => Promise.resolve({ default: Page('phase') }), props: true },
    {
      path: '/coordination',
      component: Layout,
      meta: { area: 'coordination' },
      children: [
        { path: '', name: 'coordination', redirect: { name: 'coordination-meetups' } },
        { path: 'meetups', name: 'coordination-meetups', component: Page('c-meetups') },
        { path: 'login', name: 'coordination-login', component: Page('login'), meta: { public: true } },
      ],
    },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ]
}

describe('router: resolving addresses', () => {
  const router = createRouter({ history: createMemoryHistory(), routes: routes() })

  it('reads params, decoding them, and writes them back encoded, keeping colons readable', () => {
    const to = router.resolve('/meetups/a%2Fb:20261210T1700?x=1&x=2&y=a+b#top')
    expect(to).toMatchObject({ name: 'meetup', params: { id: 'a/b:20261210T1700' }, query: { x: ['1', '2'], y: 'a b' }, hash: '#top' })
    expect(router.resolve({ name: 'meetup', params: { id: 'a/b:20261210T1700' }, query: { y: 'a b', next: '/guide/step/x' } }).fullPath).toBe(
      '/meetups/a%2Fb:20261210T1700?y=a+b&next=/guide/step/x',
    )
  })

  it('matches a param only where its pattern allows, and anything else falls to the catch-all', () => {
    expect(router.resolve('/guide/planning').name).toBe('guide-phase')
    expect(router.resolve('/guide/elsewhere').matched.at(-1)?.redirect).toBe('/')
    expect(router.resolve('/Meetups/').name).toBe('meetups')
  })

  it('merges the meta of a layout and its page, and leaves a query-only location on the current page', async () => {
    expect(router.resolve('/coordination/login').meta).toEqual({ area: 'coordination', public: true })
    await router.push('/meetups/1')
    expect(router.resolve({ query: { tab: 'b' } }).fullPath).toBe('/meetups/1?tab=b')
  })

  it('throws for a route name that does not exist or a missing param', () => {
    expect(() => router.resolve({ name: 'nowhere' })).toThrow(/nowhere/)
    expect(() => router.resolve({ name: 'meetup' })).toThrow(/id/)
  })
})

describe('router: navigating', () => {
  it('follows redirects with the query and says where the navigation came from', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: routes() })
    let seen: { path: string; from?: string } | undefined
    router.beforeEach((to) => void (seen = { path: to.fullPath, from: to.redirectedFrom?.fullPath }))
    await router.push('/?lang=ar')
    expect(seen).toEqual({ path: '/meetups?lang=ar', from: '/?lang=ar' })
    await router.push('/coordination')
    expect(router.currentRoute.value.name).toBe('coordination-meetups')
  })

  it('lets a guard send the navigation elsewhere, and ignores a navigation overtaken by a newer one', async () => {
    const history = createMemoryHistory()
    const router = createRouter({ history, routes: routes() })
    router.beforeEach((to) => (to.meta.area === 'coordination' && !to.meta.public ? { name: 'coordination-login', query: { next: to.fullPath } } : undefined))
    await router.push('/coordination/meetups')
    expect(history.location()).toBe('/coordination/login?next=/coordination/meetups')
    let release = () => {}
    router.beforeResolve((to) => (to.name === 'meetup' ? new Promise<void>((r) => (release = r)) : undefined))
    const slow = router.push('/meetups/slow')
    await router.push('/meetups')
    release()
    await slow
    expect(router.currentRoute.value.fullPath).toBe('/meetups')
  })

  it('puts added routes ahead of the others, so a placeholder can load a part of the app and send the navigation on', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/work:rest((?:/.*)?)', name: 'entry' }, { path: '/:pathMatch(.*)*', component: Page('other') }] })
    expect(router.resolve('/workshop').name).toBeUndefined()
    router.beforeEach((to) => {
      if (to.name !== 'entry') return
      router.addRoute({ path: '/work', component: Layout, children: [{ path: 'items/:id', name: 'item', component: Page('item'), props: true }] })
      return to.fullPath
    })
    await router.push('/work/items/3?x=1')
    expect(router.currentRoute.value).toMatchObject({ name: 'item', params: { id: '3' }, query: { x: '1' } })
    expect(router.resolve({ name: 'item', params: { id: 4 } }).path).toBe('/work/items/4')
  })

  it('loads a lazy view before the navigation ends, and calls the after hooks with where it came from', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: routes() })
    const after: string[] = []
    router.afterEach((to, from) => void after.push(`${from.fullPath} → ${to.fullPath}`))
    await router.push('/meetups')
    await router.push('/guide/planning')
    expect(typeof router.currentRoute.value.matched[0]!.component).toBe('object')
    expect(after).toEqual(['/ → /meetups', '/meetups → /guide/planning'])
    // The same place again is no navigation.
    await router.push('/guide/planning')
    expect(after).toHaveLength(2)
  })

  it('goes back through the history, and a guard sees the way back too', async () => {
    const history = createMemoryHistory()
    const router = createRouter({ history, routes: routes() })
    const wrapper = mount(defineComponent({ setup: () => () => h('div', [h(RouterView)]) }), { global: { plugins: [router] } })
    await router.isReady()
    await router.push('/meetups/7')
    expect(history.state()?.back).toBe('/meetups')
    router.back()
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/meetups')
    expect(wrapper.find('[data-page]').attributes('data-page')).toBe('meetups')
  })
})

describe('router: views and links', () => {
  async function app(start: string) {
    const router = createRouter({ history: createMemoryHistory(start), routes: routes() })
    const Shell = defineComponent({
      setup() {
        const route = useRoute()
        return () =>
          h('div', [
            h('span', { 'data-name': '' }, String(route.name)),
            h(RouterView),
            h('nav', [
              h(RouterLink, { to: '/meetups', 'data-link': 'meetups' }, () => 'meetups'),
              h(RouterLink, { to: { name: 'coordination-meetups' }, 'data-link': 'c' }, () => 'c'),
              h(RouterLink, { to: '/coordination/login', 'data-link': 'login' }, () => 'login'),
            ]),
          ])
      },
    })
    const wrapper = mount(Shell, { global: { plugins: [router] }, attachTo: document.body })
    await router.isReady()
    await flushPromises()
    return { router, wrapper }
  }

  it('renders the layout and its page, props from params, and the route follows each navigation', async () => {
    const { router, wrapper } = await app('/coordination/meetups')
    expect(wrapper.find('[data-layout] [data-page]').attributes('data-page')).toBe('c-meetups')
    await router.push('/meetups/42')
    await nextTick()
    expect(wrapper.find('[data-page]').text()).toBe('42')
    expect(wrapper.find('[data-name]').text()).toBe('meetup')
    wrapper.unmount()
  })

  it('marks the link of the open page as current, and navigates on a plain click but not on a modified one', async () => {
    const { router, wrapper } = await app('/coordination/meetups')
    const link = (name: string) => wrapper.find(`[data-link="${name}"]`)
    expect(link('c').attributes()).toMatchObject({ href: '/coordination/meetups', 'aria-current': 'page', class: 'router-link-active router-link-exact-active' })
    expect(link('meetups').attributes('aria-current')).toBeUndefined()
    await link('login').trigger('click', { ctrlKey: true })
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('coordination-meetups')
    await link('login').trigger('click', { button: 0 })
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('coordination-login')
    expect(link('login').attributes('aria-current')).toBe('page')
    wrapper.unmount()
  })
})
