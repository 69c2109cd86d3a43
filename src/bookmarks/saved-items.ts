import type { WillkommenDb } from '../db/db.ts'
import type { Bookmark } from '../db/guide-rows.ts'
import type { Contact } from '../shared/contacts/contact.schema.ts'
import { joinGuide, readGuideRows, type GuideEntry } from '../guide/guide-entry.ts'
import type { Meetup } from '../shared/meetups/meetup.schema.ts'

export type SavedItem =
  | { bookmark: Bookmark; kind: 'step'; item: GuideEntry }
  | { bookmark: Bookmark; kind: 'contact'; item: Contact }
  | { bookmark: Bookmark; kind: 'meetup'; item: Meetup }

/** Saved things with their current content, newest first; a bookmark whose item is gone is left out. */
export async function readSavedItems(db: WillkommenDb): Promise<SavedItem[]> {
  const bookmarks = await db.bookmarks.orderBy('savedAt').reverse().toArray()
  const ids = (kind: Bookmark['kind']) => bookmarks.filter((b) => b.kind === kind).map((b) => b.id)
  const district = (await db.settings.get('district'))?.value as string | undefined
  const [guide, contacts, meetups] = await Promise.all([
    readGuideRows(db),
    db.contacts.bulkGet(ids('contact')),
    db.meetups.bulkGet(ids('meetup')),
  ])
  const found = new Map<string, GuideEntry | Contact | Meetup>()
  const steps = new Set(ids('step'))
  for (const s of joinGuide(guide, district)) if (steps.has(s.id)) found.set(`step:${s.id}`, s)
  for (const c of contacts) if (c) found.set(`contact:${c.id}`, c)
  for (const m of meetups) if (m) found.set(`meetup:${m.id}`, m)
  return bookmarks.flatMap((bookmark) => {
    const item = found.get(`${bookmark.kind}:${bookmark.id}`)
    return item ? [{ bookmark, kind: bookmark.kind, item } as SavedItem] : []
  })
}
