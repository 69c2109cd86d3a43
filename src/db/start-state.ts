import type { Settings } from './settings.ts'

/** The phone's IndexedDB database, shared by the page, the sync worker and Dexie. */
export const DB_NAME = 'willkommen'
/** Row of the `meta` table with the time of the last sync that landed. */
export const SYNCED_AT_KEY = 'lastSyncedAt'

/** What the first screen needs from IndexedDB: the person's settings and when data last arrived. */
export interface StartState {
  settings: Settings
  lastSyncedAt?: string
}

interface KeyValueRow {
  key: string
  value: unknown
}

/**
 * Reads the start state with the browser's own IndexedDB API, so the first screen paints before
 * Dexie (the database library, loaded by the screens that list data) has arrived on a slow phone.
 * It never creates or upgrades the database: on a first visit it finds none and says so, and
 * creating the tables stays Dexie's job (src/db/db.ts).
 */
export function readStartState(name = DB_NAME): Promise<StartState> {
  return new Promise((resolve) => {
    const empty: StartState = { settings: {} }
    let request: IDBOpenDBRequest
    try {
      request = indexedDB.open(name)
    } catch {
      return resolve(empty) // IndexedDB switched off (some private modes): start as on a first visit
    }
    // No database yet: stop before an empty one is created under Dexie's name.
    request.onupgradeneeded = () => request.transaction?.abort()
    request.onerror = () => resolve(empty)
    request.onblocked = () => resolve(empty)
    request.onsuccess = () => {
      const connection = request.result
      const close = (state: StartState) => {
        connection.close()
        resolve(state)
      }
      if (!connection.objectStoreNames.contains('settings') || !connection.objectStoreNames.contains('meta')) return close(empty)
      const tx = connection.transaction(['settings', 'meta'], 'readonly')
      const settings = tx.objectStore('settings').getAll() as IDBRequest<KeyValueRow[]>
      const syncedAt = tx.objectStore('meta').get(SYNCED_AT_KEY) as IDBRequest<KeyValueRow | undefined>
      tx.oncomplete = () =>
        close({
          settings: Object.fromEntries(settings.result.map((r) => [r.key, r.value])) as Settings,
          lastSyncedAt: syncedAt.result?.value as string | undefined,
        })
      tx.onerror = () => close(empty)
      tx.onabort = () => close(empty)
    }
  })
}
