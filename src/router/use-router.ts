import { inject, type InjectionKey } from 'vue'
import type { RouteLocationNormalized } from './location.ts'
import type { Router } from './router.ts'

export const ROUTER: InjectionKey<Router> = Symbol('router')
export const ROUTE: InjectionKey<RouteLocationNormalized> = Symbol('route')

/** The app's router (from a component's setup). */
export function useRouter(): Router {
  return inject(ROUTER)!
}

/** The current route, reactive: each navigation replaces its fields. */
export function useRoute(): RouteLocationNormalized {
  return inject(ROUTE)!
}
