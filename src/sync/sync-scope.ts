import type { WillkommenDb } from '../db/db.ts'
import { DISTRICT_NEIGHBOURS } from '../shared/districts.ts'
import { EVERYTHING, normalizeScope, type SyncScope } from '../shared/sync-scope.ts'

export const SCOPE_KEY = 'syncScope'

/**
 * The scope this phone wants, from the person's settings: their district (and its neighbours when
 * they asked for them; every district while none is chosen), their language plus German.
 */
export async function wantedScope(db: WillkommenDb): Promise<SyncScope> {
  const [district, locale, nearby] = await db.settings.bulkGet(['district', 'locale', 'nearbyDistricts'])
  const home = district?.value as string | undefined
  const districts = home ? [home, ...(nearby?.value === true ? (DISTRICT_NEIGHBOURS[home] ?? []) : [])] : 'all'
  return normalizeScope({ districts, langs: [(locale?.value as string | undefined) ?? 'de'] })
}

/**
 * The scope the phone's rows and cursor belong to. A phone that synced before scopes existed holds
 * everything; one that never synced holds nothing, so any scope is new to it.
 */
export async function heldScope(db: WillkommenDb, cursor: number, wanted: SyncScope): Promise<SyncScope> {
  const stored = (await db.meta.get(SCOPE_KEY))?.value as SyncScope | undefined
  return stored ?? (cursor > 0 ? EVERYTHING : wanted)
}
