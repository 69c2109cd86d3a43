import type { OutboxEntry } from '../outbox/outbox-entry.ts'

/**
 * What the person is told about a submission. Anything not yet answered by the server is `pending`
 * ("saved on this phone, will be sent") — never confirmed before the server said so.
 */
export type SignupStatus = 'pending' | 'rejected' | 'confirmed' | 'waitlisted' | 'received' | 'cancelling' | 'cancelled'

export function signupStatus(entry: OutboxEntry, cancelQueued = false): SignupStatus {
  if (entry.state === 'rejected') return 'rejected'
  if (entry.state !== 'sent' || !entry.response) return 'pending'
  const status = entry.response.status
  if (status === 'cancelled' || status === 'erased') return 'cancelled'
  if (cancelQueued) return 'cancelling'
  if (status === 'confirmed' || status === 'waitlisted' || status === 'received') return status
  return 'received'
}
