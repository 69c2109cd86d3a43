import type { WillkommenDb } from '../db/db.ts'
import type { Bookmark } from '../db/guide-rows.ts'
import type { Contact } from '../shared/contacts/contact.schema.ts'
import { joinGuide, readGuideRows, type GuideEntry } from '../guide/guide-entry.ts'
import type { Meetup, MeetupOccurrence } from '../shared/meetups/meetup.schema.ts'
import { readNextDates } from '../meetups/next-dates.ts'

export type SavedItem =
  | { bookmark: Bookmark; kind: 'step'; item: GuideEntry }
  | { bookmark: Bookmark; kind: 'contact'; item: Contact }
  /** A whole series, opened at its next date (`next`, when it has one). */
  | { bookmark: Bookmark; kind: 'meetup'; item: Meetup; next: MeetupOccurrence | undefined }
  /** One date of a meetup, shown with its date. */
  | { bookmark: Bookmark; kind: 'date'; item: MeetupOccurrence; meetup: Meetup }

/** A saved item before its bookmark is joined (per kind of the union). */
type Found = SavedItem extends infer I ? (I extends SavedItem ? Omit<I, 'bookmark'> : never) : never

/** Saved things with their current content, newest first; a bookmark whose item is gone is left out. */
export async function readSavedItems(db: WillkommenDb): Promise<SavedItem[]> {
  const bookmarks = await db.bookmarks.orderBy('savedAt').reverse().toArray()
  const ids = (kind: Bookmark['kind']) => bookmarks.filter((b) => b.kind === kind).map((b) => b.id)
  const district = (await db.settings.get('district'))?.value as string | undefined
  const [guide, contacts, dates, nextDates] = await Promise.all([
    readGuideRows(db),
    db.contacts.bulkGet(ids('contact')),
    db.meetupOccurrences.bulkGet(ids('date')),
    ids('meetup').length ? readNextDates(db) : new Map<string, MeetupOccurrence>(),
  ])
  const meetups = new Map(
    (await db.meetups.bulkGet([...ids('meetup'), ...dates.flatMap((o) => (o ? [o.meetupId] : []))])).flatMap((m) => (m ? [[m.id, m]] : [])),
  )
  const found = new Map<string, Found>()
  const steps = new Set(ids('step'))
  for (const s of joinGuide(guide, district)) if (steps.has(s.id)) found.set(`step:${s.id}`, { kind: 'step', item: s })
  for (const c of contacts) if (c) found.set(`contact:${c.id}`, { kind: 'contact', item: c })
  for (const id of ids('meetup')) {
    const m = meetups.get(id)
    if (m) found.set(`meetup:${id}`, { kind: 'meetup', item: m, next: nextDates.get(id) })
  }
  for (const o of dates) {
    const m = o && meetups.get(o.meetupId)
    if (o && m) found.set(`date:${o.id}`, { kind: 'date', item: o, meetup: m })
  }
  return bookmarks.flatMap((bookmark) => {
    const item = found.get(`${bookmark.kind}:${bookmark.id}`)
    return item ? [{ bookmark, ...item } as SavedItem] : []
  })
}
