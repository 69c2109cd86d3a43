import type { WillkommenDb } from '../db/db.ts'
import type { Draft } from './outbox-entry.ts'

/** Unsent form typing, per form key; kept until the form is submitted. */
export async function loadDraft(db: WillkommenDb, key: string): Promise<Draft | undefined> {
  return db.drafts.get(key)
}

export async function saveDraft(db: WillkommenDb, key: string, value: Record<string, unknown>, clientId: string, now = Date.now()): Promise<void> {
  // A plain copy: reactive proxies cannot be stored in IndexedDB.
  await db.drafts.put({ key, value: JSON.parse(JSON.stringify(value)) as Record<string, unknown>, savedAt: now, clientId })
}

export async function clearDraft(db: WillkommenDb, key: string): Promise<void> {
  await db.drafts.delete(key)
}
