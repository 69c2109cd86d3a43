import type Dexie from 'dexie'

const listeners = new Set<() => void>()
let gaveWay = false

/**
 * When another tab opens a newer version of the database, this tab closes its connection for good: the
 * newer version's upgrade is never blocked, and this tab's older code never writes rows of the old shape
 * into the new schema (Dexie's own handler closes too, but opens again on the next query, at the newer
 * version). The page tells the person to reload (`onNewerVersion`).
 */
export function closeForNewerVersion(db: Dexie): void {
  db.on('versionchange', () => {
    db.close({ disableAutoOpen: true })
    gaveWay = true
    for (const listener of listeners) listener()
    return false // Dexie's own handler would allow opening again
  })
}

/** Calls `listener` once this tab's database has given way to a newer version (at once if it has). */
export function onNewerVersion(listener: () => void): () => void {
  if (gaveWay) listener()
  else listeners.add(listener)
  return () => listeners.delete(listener)
}
