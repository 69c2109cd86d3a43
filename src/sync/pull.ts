import type { WillkommenDb } from '../db/db.ts'
import type { SyncResponse } from '../shared/sync.schema.ts'
import { applyDelta, readCursor } from './apply-delta.ts'

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>

/**
 * One pull: ask the server what changed since our cursor and store it; answers when it landed
 * (ISO 8601). Throws when offline.
 */
export async function pull(db: WillkommenDb, fetchFn: Fetch = fetch): Promise<string> {
  const since = await readCursor(db)
  const response = await fetchFn(`/api/v1/sync?since=${since}`, { headers: { accept: 'application/json' } })
  if (!response.ok) throw new Error(`sync answered ${response.status}`)
  return applyDelta(db, (await response.json()) as SyncResponse)
}
