import type { WillkommenDb } from '../db/db.ts'
import type { SyncResponse } from '../shared/sync.schema.ts'
import { DISTRICT_SLUGS } from '../shared/districts.ts'
import { addedPartitions, firstContentScope, NOTHING_ADDED, sameScope, syncQuery, type SyncScope } from '../shared/sync-scope.ts'
import { applyDelta, readCursor } from './apply-delta.ts'
import { heldScope, wantedScope } from './sync-scope.ts'

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>

/**
 * One pull: ask the server what changed in this phone's scope since its cursor and store it;
 * answers when it landed (ISO 8601). After a change of district or language, the partitions new to
 * the phone come whole and what left the scope is dropped. A server that no longer knows the cursor (its
 * database was restored or replaced) answers `cursor_ahead`: then everything comes again from 0 and replaces
 * what the phone had, in one transaction. Throws when offline.
 * A phone's very first pull comes in two answers: the content in the person's language, stored at once (the
 * views show it), then German, the fallback, as a language added to the scope.
 */
export async function pull(db: WillkommenDb, fetchFn: Fetch = fetch): Promise<string> {
  const scope = await wantedScope(db)
  const first = firstContentScope(scope)
  if ((await readCursor(db)) === 0 && !sameScope(first, scope)) await pullScope(db, first, fetchFn)
  return pullScope(db, scope, fetchFn)
}

async function pullScope(db: WillkommenDb, scope: SyncScope, fetchFn: Fetch): Promise<string> {
  const since = await readCursor(db)
  const held = await heldScope(db, since, scope)
  const added = since > 0 ? addedPartitions(held, scope, DISTRICT_SLUGS) : NOTHING_ADDED
  const changed = !sameScope(held, scope)
  const headers: Record<string, string> = { accept: 'application/json' }
  // Nothing new since our cursor in an unchanged scope: the server answers 304 without a body.
  if (since > 0 && !changed) headers['if-none-match'] = `W/"${since}"`
  const response = await fetchFn(`/api/v1/sync?${syncQuery(since, scope, added)}`, { headers, cache: 'no-store' })
  const options = { scope, dropOutside: changed }
  if (response.status === 304) return applyDelta(db, { cursor: since, changes: {}, deleted: {} } as unknown as SyncResponse, options)
  if (response.status === 400 && (await isCursorAhead(response))) {
    const whole = await fetchFn(`/api/v1/sync?${syncQuery(0, scope, NOTHING_ADDED)}`, { headers: { accept: 'application/json' }, cache: 'no-store' })
    if (!whole.ok) throw new Error(`sync answered ${whole.status}`)
    return applyDelta(db, (await whole.json()) as SyncResponse, { scope, replace: true })
  }
  if (!response.ok) throw new Error(`sync answered ${response.status}`)
  return applyDelta(db, (await response.json()) as SyncResponse, options)
}

async function isCursorAhead(response: Response): Promise<boolean> {
  const body = (await response.json().catch(() => undefined)) as { error?: unknown } | undefined
  return body?.error === 'cursor_ahead'
}
