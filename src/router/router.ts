import { nextTick, shallowReactive, shallowRef, type App, type Component, type ShallowRef } from 'vue'
import type { RouterHistory, ScrollPosition } from './history.ts'
import { createMatcher, matchPath } from './matcher.ts'
import { parseQuery, splitAddress, stringifyQuery, type RouteLocationNormalized, type RouteLocationRaw, type RouteMeta, type RouteRecord, type RouteRecordRaw } from './location.ts'
import { RouterLink } from './RouterLink.ts'
import { RouterView } from './RouterView.ts'
import { ROUTE, ROUTER } from './use-router.ts'

export type { RouteLocationNormalized, RouteLocationRaw, RouteMeta, RouteRecordRaw } from './location.ts'
export { createMemoryHistory, createWebHistory } from './history.ts'
export { RouterLink, RouterView }
export { useRoute, useRouter } from './use-router.ts'

/** A guard's answer: go on (nothing or `true`), stay (`false`), or go elsewhere instead. */
type GuardResult = void | undefined | boolean | RouteLocationRaw
export type NavigationGuard = (to: RouteLocationNormalized, from: RouteLocationNormalized) => GuardResult | Promise<GuardResult>
/** Called after each navigation that happened (not after one refused, overtaken or to the same place). */
export type AfterHook = (to: RouteLocationNormalized, from: RouteLocationNormalized) => void
type ScrollBehavior = (to: RouteLocationNormalized, from: RouteLocationNormalized, saved: ScrollPosition | null) => { left?: number; top: number } | false | void

export interface RouterOptions {
  history: RouterHistory
  routes: RouteRecordRaw[]
  scrollBehavior?: ScrollBehavior
}

export interface Router {
  readonly currentRoute: ShallowRef<RouteLocationNormalized>
  resolve: (to: RouteLocationRaw) => RouteLocationNormalized
  push: (to: RouteLocationRaw) => Promise<void>
  replace: (to: RouteLocationRaw) => Promise<void>
  back: () => void
  beforeEach: (guard: NavigationGuard) => void
  beforeResolve: (guard: NavigationGuard) => void
  afterEach: (hook: AfterHook) => void
  /** Adds routes (with their children) ahead of those there are: a part of the app that brings its own pages. */
  addRoute: (route: RouteRecordRaw) => void
  /** Every route record, layouts included. */
  getRoutes: () => RouteRecord[]
  /** Settles once the first navigation has (rejects if it failed). */
  isReady: () => Promise<void>
  install: (app: App) => void
}

/** Before the first navigation: nowhere (no records matched). */
const START: RouteLocationNormalized = { name: undefined, path: '/', fullPath: '/', href: '/', params: {}, query: {}, hash: '', matched: [], meta: {} }

/** A redirect loop among the routes or guards: the navigation did not happen. */
class NavigationFailure extends Error {}

const MAX_REDIRECTS = 10

/**
 * The app's router: routes matched in the order given (first match wins), params by `:name(regex)`,
 * nested layouts, redirects, lazy views, guards before and after each navigation, and scroll positions
 * kept per history entry. A small cousin of vue-router with the same names, for the parts this app uses:
 * it keeps some 8 KB (brotli) off the script a first visit waits for on a weak link.
 */
export function createRouter({ history, routes, scrollBehavior }: RouterOptions): Router {
  const entries = createMatcher(routes)
  const byName = new Map(entries.filter((e) => e.name).map((e) => [e.name!, e]))
  const currentRoute = shallowRef<RouteLocationNormalized>(START)
  const guards: NavigationGuard[] = []
  const resolvers: NavigationGuard[] = []
  const afterHooks: AfterHook[] = []
  let navigationId = 0
  let ready: Promise<void> | undefined
  let listening = false

  function resolve(to: RouteLocationRaw, from = currentRoute.value): RouteLocationNormalized {
    const raw = typeof to === 'string' ? { path: to } : to
    let path: string
    let query = raw.query ?? {}
    let hash = raw.hash ?? ''
    let match: ReturnType<typeof matchPath>
    if (raw.name !== undefined) {
      const entry = byName.get(raw.name)
      if (!entry) throw new Error(`no route named "${raw.name}"`)
      const params = Object.fromEntries(Object.entries(raw.params ?? {}).flatMap(([k, v]) => (v === undefined || v === null ? [] : [[k, String(v)]])))
      path = entry.build(params)
      match = { entry, params }
    } else {
      // Without a path: this page, with another query or hash.
      const split = raw.path === undefined ? { path: from.path, query: {}, hash: '' } : splitAddress(raw.path)
      path = split.path || '/'
      query = raw.query ?? split.query
      hash = raw.hash ?? split.hash
      match = matchPath(entries, path)
    }
    const search = stringifyQuery(query)
    const fullPath = `${path}${search ? `?${search}` : ''}${hash}`
    const matched = match?.entry.records ?? []
    return {
      name: matched.at(-1)?.name,
      path,
      fullPath,
      href: fullPath,
      params: match?.params ?? {},
      query: parseQuery(search),
      hash,
      matched,
      meta: Object.assign({}, ...matched.map((r) => r.meta)) as RouteMeta,
    }
  }

  /** Follows the routes' own redirects (`/` → `/meetups`). */
  function withRedirects(target: RouteLocationNormalized): RouteLocationNormalized {
    let to = target
    for (let hops = 0; to.matched.at(-1)?.redirect !== undefined; hops++) {
      if (hops >= MAX_REDIRECTS) throw new NavigationFailure(`too many redirects from ${target.fullPath}`)
      // As vue-router does: the query and hash go along unless the redirect names its own.
      const redirect = to.matched.at(-1)!.redirect!
      const next = typeof redirect === 'string' ? (/[?#]/.test(redirect) ? redirect : { path: redirect }) : redirect
      to = { ...resolve(typeof next === 'string' ? next : { query: to.query, hash: to.hash, ...next }, to), redirectedFrom: to.redirectedFrom ?? target }
    }
    return to
  }

  async function runGuards(list: NavigationGuard[], to: RouteLocationNormalized, from: RouteLocationNormalized): Promise<GuardResult> {
    for (const guard of list) {
      const result = await guard(to, from)
      if (result !== undefined && result !== true) return result
    }
    return undefined
  }

  async function loadViews(matched: RouteRecord[]): Promise<void> {
    await Promise.all(
      matched.map(async (record) => {
        const view = record.component
        // The routes name a view as its component (an object) or as the function that loads its module.
        if (typeof view === 'function') record.component = (await (view as () => Promise<{ default: Component }>)()).default
      }),
    )
  }

  async function navigate(target: RouteLocationRaw, how: { replace?: boolean; pop?: ScrollPosition | null; redirects?: number }): Promise<void> {
    const id = ++navigationId
    const from = currentRoute.value
    const to = withRedirects(resolve(target))
    const replace = how.replace ?? (typeof target === 'object' && target.replace === true)
    if (how.pop === undefined && to.fullPath === from.fullPath && from.matched.length > 0) return
    for (const list of [guards, resolvers]) {
      if (list === resolvers) await loadViews(to.matched)
      const result = await runGuards(list, to, from)
      if (id !== navigationId) return // a newer navigation took over
      if (result === false) {
        if (how.pop !== undefined) history.replace(from.fullPath)
        return
      }
      if (result !== undefined) {
        if ((how.redirects ?? 0) >= MAX_REDIRECTS) throw new NavigationFailure(`too many redirects from ${to.fullPath}`)
        const again = result as RouteLocationRaw
        const replaceAgain = replace || how.pop !== undefined || (typeof again === 'object' && again.replace === true)
        return navigate(again, { replace: replaceAgain, redirects: (how.redirects ?? 0) + 1 })
      }
    }
    if (how.pop === undefined) {
      if (replace || from.matched.length === 0) history.replace(to.fullPath)
      else history.push(to.fullPath)
    } else if (to.fullPath !== history.location()) history.replace(to.fullPath)
    currentRoute.value = to
    for (const hook of afterHooks) hook(to, from)
    if (scrollBehavior && typeof window !== 'undefined') {
      const position = scrollBehavior(to, from, how.pop ?? null)
      if (position) void nextTick(() => window.scrollTo(position.left ?? 0, position.top))
    }
  }

  function listen(): void {
    if (listening) return
    listening = true
    history.listen((address, state) => {
      navigate(address, { pop: state?.scroll ?? null }).catch((error: unknown) => console.error('navigation failed', error))
    })
  }

  const router: Router = {
    currentRoute,
    resolve: (to) => resolve(to),
    push: (to) => navigate(to, {}),
    replace: (to) => navigate(to, { replace: true }),
    back: () => history.go(-1),
    beforeEach: (guard) => void guards.push(guard),
    beforeResolve: (guard) => void resolvers.push(guard),
    afterEach: (hook) => void afterHooks.push(hook),
    addRoute(route) {
      const added = createMatcher([route])
      entries.unshift(...added)
      for (const entry of added) if (entry.name) byName.set(entry.name, entry)
    },
    getRoutes: () => [...new Set(entries.flatMap((e) => e.records))],
    isReady: () => ready ?? Promise.resolve(),
    install(app) {
      app.provide(ROUTER, router)
      // One reactive route for every view: its fields follow the current navigation.
      // Shallow: a new navigation brings new objects, and the matched views must not become reactive.
      const route = shallowReactive({ ...START })
      const follow = () => Object.assign(route, { redirectedFrom: undefined }, currentRoute.value)
      afterHooks.unshift(() => follow())
      follow()
      app.provide(ROUTE, route)
      app.component('RouterLink', RouterLink)
      app.component('RouterView', RouterView)
      listen()
      if (currentRoute.value === START && !ready) ready = navigate(history.location(), { replace: true })
    },
  }
  return router
}

declare module 'vue' {
  interface GlobalComponents {
    RouterLink: typeof RouterLink
    RouterView: typeof RouterView
  }
}
