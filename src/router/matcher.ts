import { encodeParamValue, type RouteParams, type RouteRecord, type RouteRecordRaw } from './location.ts'

/** One address pattern of the routes: the records from layout to view, and how to read and write its params. */
export interface MatcherEntry {
  name?: string
  records: RouteRecord[]
  pattern: RegExp
  keys: { name: string; repeatable: boolean }[]
  build: (params: RouteParams) => string
}

// `:name`, `:name(regex)` and `:name(regex)*` (any number of segments, as an array).
const PARAM = /:(\w+)(?:\(((?:\\.|[^\\()]|\([^()]*\))+)\))?(\*)?/g

function compile(path: string, records: RouteRecord[], name?: string): MatcherEntry {
  const keys: MatcherEntry['keys'] = []
  let source = ''
  let last = 0
  for (const found of path.matchAll(PARAM)) {
    source += escapeRegExp(path.slice(last, found.index))
    const repeatable = found[3] === '*'
    keys.push({ name: found[1]!, repeatable })
    // The route's own groups must not capture: each param is one group.
    source += `(${found[2]?.replace(/\((?!\?)/g, '(?:') ?? '[^/]+'})`
    last = found.index + found[0].length
  }
  source += escapeRegExp(path.slice(last))
  const pieces = path.split(PARAM)
  const build = (params: RouteParams): string => {
    let built = ''
    // split with capture groups yields: text, name, regex, star, text, …
    for (let i = 0; i < pieces.length; i += 4) {
      built += pieces[i]
      const key = pieces[i + 1]
      if (key === undefined) continue
      const value = params[key]
      if (value === undefined) throw new Error(`missing param "${key}" for ${path}`)
      built += encodeParamValue(value)
    }
    return built.replace(/\/+$/, '') || '/'
  }
  // Like the address bar: either case, and a trailing slash is the same page.
  return { name, records, pattern: new RegExp(`^${source.replace(/\/$/, '')}/?$`, 'i'), keys, build }
}

/** A malformed escape (`%E0%A4%A`) stays as typed rather than breaking the navigation. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\*]/g, '\\$&')
}

function joinPath(parent: string, child: string): string {
  if (child.startsWith('/')) return child
  return child === '' ? parent : `${parent.replace(/\/$/, '')}/${child}`
}

/** Every route, nested ones flattened under their layouts, in the order given: the first match wins. */
export function createMatcher(routes: RouteRecordRaw[]): MatcherEntry[] {
  const entries: MatcherEntry[] = []
  const add = (raw: RouteRecordRaw, parents: RouteRecord[], parentPath: string) => {
    const path = joinPath(parentPath, raw.path)
    const record: RouteRecord = { path, name: raw.name, component: raw.component, redirect: raw.redirect, props: raw.props ?? false, meta: raw.meta ?? {} }
    const records = [...parents, record]
    for (const child of raw.children ?? []) add(child, records, path)
    // A layout whose children cover its own address is matched through them.
    if (!raw.children?.some((child) => child.path === '')) entries.push(compile(path, records, raw.name))
  }
  for (const raw of routes) add(raw, [], '')
  return entries
}

/** The entry and params of a decoded path, or undefined when no route has it. */
export function matchPath(entries: MatcherEntry[], path: string): { entry: MatcherEntry; params: RouteParams } | undefined {
  for (const entry of entries) {
    const found = entry.pattern.exec(path)
    if (!found) continue
    const params: RouteParams = {}
    entry.keys.forEach((key, i) => {
      const value = found[i + 1] ?? ''
      params[key.name] = key.repeatable ? value.split('/').filter(Boolean).map(decoded) : decoded(value)
    })
    return { entry, params }
  }
  return undefined
}
