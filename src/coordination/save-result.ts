import { ApiProblem, problemKey } from './problems.ts'

/**
 * The outcome of pressing "save", shown next to the button: saved; no connection (nothing is lost,
 * try again); the session ended (log in again, the draft waits); or another problem's message key.
 */
export type SaveResult = { kind: 'saving' } | { kind: 'saved'; text: string } | { kind: 'offline' } | { kind: 'login' } | { kind: 'problem'; key: string }

/** The result of a failed save; `ownKey` gives a section's own message key for a problem. */
export function failedSave(error: unknown, ownKey: (error: unknown) => string = problemKey): SaveResult {
  if (error instanceof ApiProblem && error.error === 'offline') return { kind: 'offline' }
  if (error instanceof ApiProblem && error.status === 401) return { kind: 'login' }
  return { kind: 'problem', key: ownKey(error) }
}
