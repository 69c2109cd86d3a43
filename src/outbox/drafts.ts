import type { WillkommenDb } from '../db/db.ts'

/** Unsent form typing, per form key; kept until the form is submitted. */
export async function loadDraft(db: WillkommenDb, key: string): Promise<Record<string, unknown> | undefined> {
  return (await db.drafts.get(key))?.value
}

export async function saveDraft(db: WillkommenDb, key: string, value: Record<string, unknown>, now = Date.now()): Promise<void> {
  // A plain copy: reactive proxies cannot be stored in IndexedDB.
  await db.drafts.put({ key, value: JSON.parse(JSON.stringify(value)) as Record<string, unknown>, savedAt: now })
}

export async function clearDraft(db: WillkommenDb, key: string): Promise<void> {
  await db.drafts.delete(key)
}
