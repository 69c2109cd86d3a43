import type { WillkommenDb } from '../db/db.ts'
import type { Bookmark } from '../db/guide-rows.ts'
import type { Contact } from '../shared/contacts/contact.schema.ts'
import type { GuideStep } from '../shared/guide/guide-step.schema.ts'
import type { Meetup } from '../shared/meetups/meetup.schema.ts'

export type SavedItem =
  | { bookmark: Bookmark; kind: 'step'; item: GuideStep }
  | { bookmark: Bookmark; kind: 'contact'; item: Contact }
  | { bookmark: Bookmark; kind: 'meetup'; item: Meetup }

/** Saved things with their current content, newest first; a bookmark whose item is gone is left out. */
export async function readSavedItems(db: WillkommenDb): Promise<SavedItem[]> {
  const bookmarks = await db.bookmarks.orderBy('savedAt').reverse().toArray()
  const ids = (kind: Bookmark['kind']) => bookmarks.filter((b) => b.kind === kind).map((b) => b.id)
  const [steps, contacts, meetups] = await Promise.all([
    db.guideSteps.bulkGet(ids('step')),
    db.contacts.bulkGet(ids('contact')),
    db.meetups.bulkGet(ids('meetup')),
  ])
  const found = new Map<string, GuideStep | Contact | Meetup>()
  for (const s of steps) if (s) found.set(`step:${s.id}`, s)
  for (const c of contacts) if (c) found.set(`contact:${c.id}`, c)
  for (const m of meetups) if (m) found.set(`meetup:${m.id}`, m)
  return bookmarks.flatMap((bookmark) => {
    const item = found.get(`${bookmark.kind}:${bookmark.id}`)
    return item ? [{ bookmark, kind: bookmark.kind, item } as SavedItem] : []
  })
}
