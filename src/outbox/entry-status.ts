import type { WillkommenDb } from '../db/db.ts'
import type { MatchView } from '../shared/coordination/tandem-match.schema.ts'
import type { OutboxEntry } from './outbox-entry.ts'
import type { Fetch } from './outbox.ts'

/** A tandem entry's match as last read from the server, kept on the phone (meta row `tandemMatch:<clientId>`). */
export interface StoredMatch {
  view: MatchView | null
  checkedAt: number
}

export const MATCH_KEY = 'tandemMatch:'

export function keepMatch(db: WillkommenDb, clientId: string, view: MatchView | null, now = Date.now()): Promise<string> {
  return db.meta.put({ key: MATCH_KEY + clientId, value: { view, checkedAt: now } satisfies StoredMatch })
}

/** Sent entries the server may still change: a place may be given or a date cancelled, a match proposed or ended. */
function isLive(entry: OutboxEntry): boolean {
  if (entry.state !== 'sent' || !entry.response?.manageToken) return false
  const { status } = entry.response
  return entry.kind === 'registration' ? status === 'confirmed' || status === 'waitlisted' : entry.kind === 'tandem' && status === 'received'
}

interface ManagedView {
  status: string
  match?: MatchView | null
}

/**
 * Asks the server what became of each live sign-up (`GET /api/v1/manage/:token`), stores a changed
 * status and a tandem's match. Resolves whether something still waits for someone else's decision:
 * a waitlisted registration, or a tandem entry without an active match.
 */
export async function refreshStatuses(deps: { db: WillkommenDb; fetch: Fetch; now?: () => number }): Promise<boolean> {
  const { db } = deps
  const live = await db.outbox.orderBy('createdAt').filter(isLive).toArray()
  let pending = false
  for (const entry of live) {
    const response = entry.response!
    const answer = await deps.fetch(`/api/v1/manage/${response.manageToken}`, { headers: { accept: 'application/json' } })
    if (!answer.ok) continue // the server keeps even erased entries; an unknown token stays as it was
    const view = (await answer.json()) as ManagedView
    if (view.status !== response.status) await db.outbox.update(entry.clientId, { response: { ...response, status: view.status } })
    if (entry.kind === 'tandem') await keepMatch(db, entry.clientId, view.match ?? null, deps.now?.())
    if (view.status === 'waitlisted' || (entry.kind === 'tandem' && view.status === 'received' && view.match?.status !== 'active')) pending = true
  }
  return pending
}
