import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'

function scrypt(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, length, options, (err, key) => (err ? reject(err) : resolve(key))),
  )
}

export interface PasswordCost {
  N: number
  r: number
  p: number
}

/** scrypt cost: N = 2^15, r = 8, p = 1 uses 32 MiB and about 0.1 s per hash — memory-hard on purpose. */
export const PASSWORD_COST: PasswordCost = { N: 2 ** 15, r: 8, p: 1 }
const KEY_LENGTH = 32

/**
 * `scrypt$N$r$p$<salt>$<hash>` (base64url); the parameters travel with the hash so they can be raised later.
 * Only tests pass a lower cost, to keep the suite fast.
 */
export async function hashPassword(password: string, cost: PasswordCost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...cost, maxmem: 128 * cost.N * cost.r * 2 })
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const cost = { N: Number(n), r: Number(r), p: Number(p) }
  const key = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, {
    ...cost,
    maxmem: 128 * cost.N * cost.r * 2,
  })
  return timingSafeEqual(key, expected)
}

/** A hash of a password nobody has: logins for unknown e-mails take as long as for known ones. */
export function dummyHash(cost: PasswordCost): Promise<string> {
  return hashPassword(randomBytes(12).toString('hex'), cost)
}
