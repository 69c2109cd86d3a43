import type { WillkommenDb } from '../db/db.ts'

const KEY = 'deviceKey'

/**
 * This phone's own secret, made once and kept in IndexedDB. Sent with registrations (`X-Device-Key`)
 * so the server answers a second registration from this phone for the same date with the place it
 * already has; the server derives the manage token from it and never stores it.
 */
export async function deviceKey(db: WillkommenDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const stored = await db.meta.get(KEY)
    if (typeof stored?.value === 'string') return stored.value
    const bytes = crypto.getRandomValues(new Uint8Array(32))
    const value = btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
    await db.meta.put({ key: KEY, value })
    return value
  })
}
