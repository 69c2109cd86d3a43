import { createHash, randomBytes } from 'node:crypto'

/** A secret the person keeps to see, export or cancel an entry. Only its SHA-256 is stored. */
export function newManageToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashManageToken(token) }
}

export function hashManageToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
