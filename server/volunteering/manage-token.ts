import { createHash, createHmac, randomBytes } from 'node:crypto'

/** A secret the person keeps to see, export or cancel an entry. Only its SHA-256 is stored. */
export function newManageToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashManageToken(token) }
}

export function hashManageToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * The manage token of a phone's registration for one date, derived from the phone's own secret
 * (`X-Device-Key`, never stored): the same phone asking again for the same date gets the same token,
 * so it is answered with the place it already has. Tokens of different dates cannot be linked.
 */
export function deviceManageToken(deviceKey: string, occurrenceId: string): { token: string; hash: string } {
  const token = createHmac('sha256', deviceKey).update(`registration:${occurrenceId}`).digest('base64url')
  return { token, hash: hashManageToken(token) }
}
