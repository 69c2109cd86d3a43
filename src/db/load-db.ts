import type { WillkommenDb } from './db.ts'

/**
 * The Dexie database, loaded on first use. The first screen reads what it needs without it
 * (./start-state.ts), so the library never delays the first paint on a slow phone.
 */
export async function loadDb(): Promise<WillkommenDb> {
  return (await import('./db.ts')).db
}
