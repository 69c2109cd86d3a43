import type { Component } from 'vue'

/** What a route says about itself (src/app/router.ts). */
export interface RouteMeta {
  /** `coordination` for the coordinator workspace (own layout, no bottom navigation). */
  area?: 'coordination'
  /** Open without a coordinator session (the login page). */
  public?: boolean
  /** Finds its language itself (a manage link on a device with none chosen): no language picker first. */
  ownLanguage?: boolean
  /** Says only what the first part of a language's texts holds (src/i18n/text-parts.ts): no wait for the rest. */
  startTexts?: boolean
}

export type LocationQueryValue = string | null
export type LocationQuery = Record<string, LocationQueryValue | LocationQueryValue[]>
export type LocationQueryRaw = Record<string, LocationQueryValue | LocationQueryValue[] | number | undefined>
export type RouteParams = Record<string, string | string[]>

/** A view as the routes name it: the component itself, or a function that loads its module. */
export type RouteComponent = Component | (() => Promise<{ default: Component }>)

export interface RouteRecordRaw {
  path: string
  name?: string
  component?: RouteComponent
  redirect?: RouteLocationRaw
  /** `true`: the path's params are the view's props. */
  props?: boolean
  meta?: RouteMeta
  children?: RouteRecordRaw[]
}

/** A record as matched: its full path, and its view once loaded. */
export interface RouteRecord {
  path: string
  name?: string
  component?: RouteComponent
  redirect?: RouteLocationRaw
  props: boolean
  meta: RouteMeta
}

/** Where to go: an address, or a route by name or path with params, query and hash. Without name and path: here, with another query. */
export type RouteLocationRaw =
  | string
  | { name?: string; path?: string; params?: Record<string, string | number | null | undefined>; query?: LocationQueryRaw; hash?: string; replace?: boolean }

/** A place in the app, resolved against the routes. */
export interface RouteLocationNormalized {
  name: string | undefined
  path: string
  fullPath: string
  params: RouteParams
  query: LocationQuery
  hash: string
  /** The records from the outermost layout to the view; empty before the first navigation and for an unknown address. */
  matched: RouteRecord[]
  /** Every matched record's meta, the innermost winning. */
  meta: RouteMeta
  /** The place asked for, when a route's redirect led here. */
  redirectedFrom?: RouteLocationNormalized
  href: string
}

// Like the browser's address bar: readable slashes and colons, but nothing that would end the part early.
const encodeParam = (value: string) => encodeURI(value).replace(/[/?#]/g, encodeURIComponent)
const encodeQueryPart = (value: string) => encodeURI(value).replace(/[&#+=?]/g, encodeURIComponent).replace(/%20/g, '+')

export function encodeParamValue(value: string | string[]): string {
  return Array.isArray(value) ? value.map(encodeParam).join('/') : encodeParam(value)
}

export function parseQuery(search: string): LocationQuery {
  const query: LocationQuery = {}
  for (const [key, value] of new URLSearchParams(search)) {
    const kept = query[key]
    query[key] = kept === undefined ? value : [...(Array.isArray(kept) ? kept : [kept]), value]
  }
  return query
}

/** The query as text without `?`; `undefined` values are left out, `null` is a key without a value. */
export function stringifyQuery(query: LocationQueryRaw): string {
  const parts: string[] = []
  for (const [key, raw] of Object.entries(query)) {
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      if (value === undefined) continue
      parts.push(value === null ? encodeQueryPart(key) : `${encodeQueryPart(key)}=${encodeQueryPart(String(value))}`)
    }
  }
  return parts.join('&')
}

/** Splits an address into path, query and hash (the path still encoded). */
export function splitAddress(address: string): { path: string; query: LocationQuery; hash: string } {
  const hashAt = address.indexOf('#')
  const hash = hashAt >= 0 ? address.slice(hashAt) : ''
  const beforeHash = hashAt >= 0 ? address.slice(0, hashAt) : address
  const queryAt = beforeHash.indexOf('?')
  return {
    path: queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash,
    query: queryAt >= 0 ? parseQuery(beforeHash.slice(queryAt + 1)) : {},
    hash,
  }
}
