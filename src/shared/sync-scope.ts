import { SYNC_ENTITIES, type SyncEntity } from './sync-entities.ts'

/**
 * What a phone keeps of the synced data (issue 15): statewide rows, rows of its districts, and
 * per-language rows in its languages (its own and German, the fallback: src/sync/sync-scope.ts), of
 * the entities it holds (all but during its very first pull). 'all' = no limit (phones from before
 * scopes; a scope stored before entities were named holds them all). Shared by the phone (what to ask
 * for, what to drop) and the server (what to send).
 */
export interface SyncScope {
  districts: string[] | 'all'
  langs: string[] | 'all'
  entities?: SyncEntity[] | 'all'
}

/** Partitions a phone does not have yet; sent whole instead of since its cursor. */
export interface SyncAdded {
  districts: string[]
  langs: string[]
  entities: SyncEntity[]
}

export const EVERYTHING: SyncScope = { districts: 'all', langs: 'all', entities: 'all' }
export const NOTHING_ADDED: SyncAdded = { districts: [], langs: [], entities: [] }
export const SOURCE_LANG = 'de'
/**
 * What a phone's very first answer holds: the start screen's and the guide's content. The contacts (not
 * needed there; 7 of 29 KB on the sample data, 12 of 88 KB with the state-scale data's 800) come in the
 * next pull, as an added entity.
 */
export const FIRST_ENTITIES: SyncEntity[] = SYNC_ENTITIES.filter((e) => e !== 'contacts')

/** Whether the scope holds an entity's rows at all. */
export function holdsEntity(scope: SyncScope, entity: string): boolean {
  return scope.entities === undefined || scope.entities === 'all' || (scope.entities as readonly string[]).includes(entity)
}

/** Sorted and without repeats: equal scopes compare equal. */
export function normalizeScope(scope: SyncScope): SyncScope {
  const held = SYNC_ENTITIES.filter((e) => holdsEntity(scope, e))
  return {
    districts: scope.districts === 'all' ? 'all' : [...new Set(scope.districts)].sort(),
    langs: scope.langs === 'all' ? 'all' : [...new Set(scope.langs)].sort(),
    entities: held.length === SYNC_ENTITIES.length ? 'all' : held,
  }
}

/**
 * What a phone's very first pull asks for: its scope without German when it reads another language, and
 * without the contacts (FIRST_ENTITIES). The person waits for that content on a slow link; German (the
 * fallback) and the contacts come whole in the next pull, as a language and an entity added to the scope.
 */
export function firstContentScope(scope: SyncScope): SyncScope {
  const own = scope.langs === 'all' ? [] : scope.langs.filter((l) => l !== SOURCE_LANG)
  return normalizeScope({ ...scope, langs: own.length ? own : scope.langs, entities: FIRST_ENTITIES })
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
  const entities = SYNC_ENTITIES.filter((e) => holdsEntity(next, e) && !holdsEntity(had, e))
  return { districts: districts.sort(), langs: langs.sort(), entities }
}

/** Whether a synced row of an entity belongs to the scope, by the entity and the row's `district` (null = statewide) and `lang` fields. */
export function keeps(scope: SyncScope, entity: string, row: { district?: unknown; lang?: unknown }): boolean {
  const district = typeof row.district === 'string' ? row.district : null
  const lang = typeof row.lang === 'string' ? row.lang : null
  return (
    holdsEntity(scope, entity) &&
    (district === null || scope.districts === 'all' || scope.districts.includes(district)) &&
    (lang === null || scope.langs === 'all' || scope.langs.includes(lang))
  )
}

/** The query of a pull: cursor, scope (left out when 'all') and the partitions new to the phone. */
export function syncQuery(since: number, scope: SyncScope, added: SyncAdded): string {
  const params = new URLSearchParams({ since: String(since) })
  if (scope.districts !== 'all') for (const d of scope.districts) params.append('districts', d)
  if (scope.langs !== 'all') for (const l of scope.langs) params.append('langs', l)
  if (scope.entities !== undefined && scope.entities !== 'all') for (const e of scope.entities) params.append('entities', e)
  for (const d of added.districts) params.append('addedDistricts', d)
  for (const l of added.langs) params.append('addedLangs', l)
  for (const e of added.entities) params.append('addedEntities', e)
  return params.toString()
}
