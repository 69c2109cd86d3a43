import type { WillkommenDb } from '../db/db.ts'
import type { MatchView } from '../shared/coordination/tandem-match.schema.ts'
import type { OutboxEntry } from './outbox-entry.ts'
import type { Fetch } from './outbox.ts'

/** A tandem entry's match as last read from the server, kept on the phone (meta row `tandemMatch:<clientId>`). */
export interface StoredMatch {
  view: MatchView | null
  checkedAt: number
  /** When the entry was last renewed (it is erased 12 months later); absent until the server said. */
  renewedAt?: string
}

export const MATCH_KEY = 'tandemMatch:'

/** Stores a tandem entry's match; the renewal date is kept when not given anew. */
export async function keepMatch(db: WillkommenDb, clientId: string, view: MatchView | null, now = Date.now(), renewedAt?: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const kept = renewedAt ?? ((await db.meta.get(MATCH_KEY + clientId))?.value as StoredMatch | undefined)?.renewedAt
    await db.meta.put({ key: MATCH_KEY + clientId, value: { view, checkedAt: now, ...(kept ? { renewedAt: kept } : {}) } satisfies StoredMatch })
  })
}

/**
 * Sent entries the server may still change: a place may be given or a date cancelled, a match proposed
 * or ended, a partner declaration decided.
 */
function isLive(entry: OutboxEntry): boolean {
  if (entry.state !== 'sent' || !entry.response) return false
  const { status, manageToken, statusToken } = entry.response
  if (entry.kind === 'partner-request') return Boolean(statusToken) && status === 'received'
  if (!manageToken) return false
  // A date_cancelled registration stays live: the date may take place again.
  return entry.kind === 'registration' ? ['confirmed', 'waitlisted', 'date_cancelled', 'requested'].includes(status) : entry.kind === 'tandem' && status === 'received'
}

/** A partner declaration's outcome; it waits until a coordinator applied or rejected it. */
async function refreshDeclaration(db: WillkommenDb, fetch: Fetch, entry: OutboxEntry): Promise<boolean> {
  const response = entry.response!
  const answer = await fetch(`/api/v1/partner-requests/${response.statusToken}`, { headers: { accept: 'application/json' } })
  if (!answer.ok) return false
  const outcome = (await answer.json()) as { status: string; reason: string | null; note: string | null }
  if (outcome.status === 'open') return true
  await db.outbox.update(entry.clientId, { response: { ...response, status: outcome.status, outcome: { reason: outcome.reason, note: outcome.note } } })
  return false
}

interface ManagedView {
  status: string
  match?: MatchView | null
  about?: { renewedAt?: string }
}

/**
 * Asks the server what became of each live sign-up (`GET /api/v1/manage/:token`) and partner
 * declaration (`GET /api/v1/partner-requests/:token`), stores a changed status, a tandem's match and a
 * declaration's outcome. Resolves whether something still waits for someone else's decision: a
 * waitlisted registration, a tandem entry without an active match, an open declaration.
 */
export async function refreshStatuses(deps: { db: WillkommenDb; fetch: Fetch; now?: () => number }): Promise<boolean> {
  const { db } = deps
  const live = await db.outbox.orderBy('createdAt').filter(isLive).toArray()
  let pending = false
  for (const entry of live) {
    if (entry.kind === 'partner-request') {
      if (await refreshDeclaration(db, deps.fetch, entry)) pending = true
      continue
    }
    const response = entry.response!
    const answer = await deps.fetch(`/api/v1/manage/${response.manageToken}`, { headers: { accept: 'application/json' } })
    if (!answer.ok) continue // the server keeps even erased entries; an unknown token stays as it was
    const view = (await answer.json()) as ManagedView
    if (view.status !== response.status) await db.outbox.update(entry.clientId, { response: { ...response, status: view.status } })
    if (entry.kind === 'tandem') await keepMatch(db, entry.clientId, view.match ?? null, deps.now?.(), view.about?.renewedAt)
    if (view.status === 'waitlisted' || view.status === 'requested' || (entry.kind === 'tandem' && view.status === 'received' && view.match?.status !== 'active')) pending = true
  }
  return pending
}
