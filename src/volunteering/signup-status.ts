import type { OutboxEntry } from '../outbox/outbox-entry.ts'

/**
 * What the person is told about a submission. Anything not yet answered by the server is `pending`
 * ("saved on this phone, will be sent") — never confirmed before the server said so.
 */
export type SignupStatus = 'pending' | 'rejected' | 'confirmed' | 'waitlisted' | 'requested' | 'declined' | 'received' | 'cancelling' | 'cancelled' | 'dateCancelled'

/**
 * `requested`: a guest's registration the coordinator has not approved yet; `declined`: not approved.
 * `dateCancelled`: the coordination office cancelled the date itself — as the server says, or as the
 * phone already knows from the synced dates (`dateIsCancelled`), whichever comes first.
 */
export function signupStatus(entry: OutboxEntry, cancelQueued = false, dateIsCancelled = false): SignupStatus {
  if (entry.state === 'rejected') return 'rejected'
  const status = entry.response?.status
  if (entry.state === 'sent' && (status === 'cancelled' || status === 'erased')) return 'cancelled'
  if (cancelQueued) return 'cancelling'
  if (entry.state !== 'sent' || !status) return 'pending'
  if (status === 'date_cancelled' || (dateIsCancelled && (status === 'confirmed' || status === 'waitlisted' || status === 'requested'))) return 'dateCancelled'
  if (status === 'confirmed' || status === 'waitlisted' || status === 'received' || status === 'requested' || status === 'declined') return status
  return 'received'
}

/** The part of a tandem match the phone needs to say where it stands (see src/shared/coordination/tandem-match.schema.ts). */
export interface MatchState {
  status: 'proposed' | 'active' | 'declined' | 'ended' | 'withdrawn'
  myAnswer: 'accepted' | 'declined' | null
}

/**
 * Where a tandem match stands for the person: `answer` (proposed, waiting for their yes or no),
 * `waiting` (they said yes, the other side not yet), `active`, `youDeclined`, `partnerDeclined`,
 * `ended` or `withdrawn` (the coordination office took the proposal back).
 */
export type MatchPhase = 'answer' | 'waiting' | 'active' | 'youDeclined' | 'partnerDeclined' | 'ended' | 'withdrawn'

export function matchPhase(match: MatchState): MatchPhase {
  switch (match.status) {
    case 'proposed':
      return match.myAnswer === 'accepted' ? 'waiting' : 'answer'
    case 'declined':
      return match.myAnswer === 'declined' ? 'youDeclined' : 'partnerDeclined'
    default:
      return match.status
  }
}
