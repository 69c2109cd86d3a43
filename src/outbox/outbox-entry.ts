import type { FieldErrors } from '../shared/validate.ts'

/**
 * What the phone sends: a tandem entry, a registration, the cancellation of an earlier one, a
 * partner organisation's declaration for the network's partner directory (src/partners), or an
 * anonymous "Did this help?" answer on a step or meetup (src/feedback).
 */
export type OutboxKind = 'tandem' | 'registration' | 'cancel' | 'partner-request' | 'feedback'

/**
 * One submission in the outbox. The same rows are "My sign-ups": an entry stays after it was sent,
 * carrying the server's answer, until the person deletes it from the phone.
 */
export interface OutboxEntry {
  /** UUID made on the phone; sent as Idempotency-Key. */
  clientId: string
  kind: OutboxKind
  /** The request body; for a cancellation `{ targetClientId }`. */
  payload: Record<string, unknown>
  state: 'pending' | 'sending' | 'sent' | 'rejected'
  attempts: number
  /** Epoch ms; a pending entry is not tried before this. */
  nextAttemptAt: number
  /** Why the server refused it (4xx): a code and per-field message keys. */
  lastError: { code: string; fields: FieldErrors } | null
  /**
   * The server's answer; `status` may change later (waitlisted → confirmed, cancelled; a partner
   * declaration received → applied or rejected, with the coordinator's reason and note).
   */
  response: {
    status: string
    manageToken?: string
    /** A partner declaration's key to its outcome (GET /api/v1/partner-requests/:token). */
    statusToken?: string
    id?: string
    outcome?: { reason: string | null; note: string | null }
  } | null
  createdAt: number
  /** A withdrawal is held until then (epoch ms), so that it can be undone; see UNDO_MS. */
  heldUntil?: number
}

/** A form's unsent typing, saved as the person types so a reload loses nothing. */
export interface Draft {
  key: string
  value: Record<string, unknown>
  savedAt: number
  /** Made when the draft starts and sent as the entry's client id: one draft is one outbox entry. */
  clientId?: string
}
