/**
 * What a phone keeps of the synced data (issue 15): statewide rows, rows of its districts, and
 * per-language rows in its languages (its own and German, the fallback: src/sync/sync-scope.ts).
 * 'all' = no limit (phones from before scopes). Shared by the phone (what to ask for, what to drop)
 * and the server (what to send).
 */
export interface SyncScope {
  districts: string[] | 'all'
  langs: string[] | 'all'
}

/** Partitions a phone does not have yet; sent whole instead of since its cursor. */
export interface SyncAdded {
  districts: string[]
  langs: string[]
}

export const EVERYTHING: SyncScope = { districts: 'all', langs: 'all' }
export const NOTHING_ADDED: SyncAdded = { districts: [], langs: [] }
export const SOURCE_LANG = 'de'

/** Sorted and without repeats: equal scopes compare equal. */
export function normalizeScope(scope: SyncScope): SyncScope {
  return {
    districts: scope.districts === 'all' ? 'all' : [...new Set(scope.districts)].sort(),
    langs: scope.langs === 'all' ? 'all' : [...new Set(scope.langs)].sort(),
  }
}

/**
 * What a phone's very first pull asks for: its scope without German when it reads another language. The
 * person waits for that content on a slow link; German (the fallback) comes whole in the next pull, as a
 * language added to the scope.
 */
export function firstContentScope(scope: SyncScope): SyncScope {
  if (scope.langs === 'all') return scope
  const own = scope.langs.filter((l) => l !== SOURCE_LANG)
  return own.length ? { ...scope, langs: own } : scope
}

export function sameScope(a: SyncScope, b: SyncScope): boolean {
  return JSON.stringify(normalizeScope(a)) === JSON.stringify(normalizeScope(b))
}

/** What `next` holds that `had` did not: to fetch whole. `allDistricts` spells out 'all'. */
export function addedPartitions(had: SyncScope, next: SyncScope, allDistricts: readonly string[]): SyncAdded {
  const list = (values: string[] | 'all') => (values === 'all' ? [...allDistricts] : values)
  const districts = had.districts === 'all' ? [] : list(next.districts).filter((d) => !had.districts.includes(d))
  // A phone always names its languages, so 'all' only ever shrinks.
  const langs = had.langs === 'all' || next.langs === 'all' ? [] : next.langs.filter((l) => !had.langs.includes(l))
  return { districts: districts.sort(), langs: langs.sort() }
}

/** Whether a synced row belongs to the scope, by its `district` (null = statewide) and `lang` fields. */
export function keeps(scope: SyncScope, row: { district?: unknown; lang?: unknown }): boolean {
  const district = typeof row.district === 'string' ? row.district : null
  const lang = typeof row.lang === 'string' ? row.lang : null
  return (
    (district === null || scope.districts === 'all' || scope.districts.includes(district)) &&
    (lang === null || scope.langs === 'all' || scope.langs.includes(lang))
  )
}

/** The query of a pull: cursor, scope (left out when 'all') and the partitions new to the phone. */
export function syncQuery(since: number, scope: SyncScope, added: SyncAdded): string {
  const params = new URLSearchParams({ since: String(since) })
  if (scope.districts !== 'all') for (const d of scope.districts) params.append('districts', d)
  if (scope.langs !== 'all') for (const l of scope.langs) params.append('langs', l)
  for (const d of added.districts) params.append('addedDistricts', d)
  for (const l of added.langs) params.append('addedLangs', l)
  return params.toString()
}
