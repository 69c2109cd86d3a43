import type { WillkommenDb } from '../db/db.ts'
import { DISTRICT_NEIGHBOURS } from '../shared/districts.ts'
import { EVERYTHING, NOTHING_ADDED, SOURCE_LANG, firstContentScope, normalizeScope, syncQuery, type SyncScope } from '../shared/sync-scope.ts'

export const SCOPE_KEY = 'syncScope'

/**
 * The scope this phone wants, from the person's settings: their district (and its neighbours when
 * they asked for them; every district while none is chosen), their language plus German.
 */
export async function wantedScope(db: WillkommenDb): Promise<SyncScope> {
  const [district, locale, nearby] = await db.settings.bulkGet(['district', 'locale', 'nearbyDistricts'])
  return scopeOf({ district: district?.value as string | undefined, locale: locale?.value as string | undefined, nearbyDistricts: nearby?.value === true })
}

/** The address of a phone's first pull in this language (every district, the language; German comes next: ./pull.ts). */
export function firstPullPath(locale: string): string {
  return `/api/v1/sync?${syncQuery(0, firstContentScope(scopeOf({ locale })), NOTHING_ADDED)}`
}

/** The same from the settings themselves. */
export function scopeOf({ district, locale, nearbyDistricts }: { district?: string; locale?: string; nearbyDistricts?: boolean }): SyncScope {
  const districts = district ? [district, ...(nearbyDistricts ? (DISTRICT_NEIGHBOURS[district] ?? []) : [])] : 'all'
  return normalizeScope({ districts, langs: [locale ?? SOURCE_LANG, SOURCE_LANG] })
}

/**
 * The scope the phone's rows and cursor belong to. A phone that synced before scopes existed holds
 * everything; one that never synced holds nothing, so any scope is new to it.
 */
export async function heldScope(db: WillkommenDb, cursor: number, wanted: SyncScope): Promise<SyncScope> {
  const stored = (await db.meta.get(SCOPE_KEY))?.value as SyncScope | undefined
  return stored ?? (cursor > 0 ? EVERYTHING : wanted)
}
