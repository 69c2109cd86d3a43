import Dexie, { type EntityTable, type Table } from 'dexie'
import type { Meetup, MeetupOccurrence } from '../shared/meetups/meetup.schema.ts'
import type { GuideNote, GuideStep, GuideText, StoredStatus } from '../shared/guide/guide-step.schema.ts'
import type { Contact } from '../shared/contacts/contact.schema.ts'
import type { Bookmark, StepProgress } from './guide-rows.ts'
import type { Draft, OutboxEntry } from '../outbox/outbox-entry.ts'
import { DB_NAME } from './start-state.ts'
import { closeForNewerVersion } from './version-change.ts'
import { declareNextRelease } from './next-release.ts'

/** Set by Vite at build (typed here, as the server's tests read this file too): see src/db/next-release.ts. */
const E2E_NEXT_RELEASE = (import.meta as ImportMeta & { env?: Record<string, string | undefined> }).env?.VITE_E2E_NEXT_RELEASE === 'true'

/** Small key–value rows: sync cursor and time, and the person's own settings. */
export interface KeyValue<T = unknown> {
  key: string
  value: T
}

/**
 * The phone's database. Add a new `version(n)` for every schema change, with an upgrade function
 * when rows must change, and a test in test/unit/db that opens the old version first.
 */
export class WillkommenDb extends Dexie {
  meetups!: EntityTable<Meetup, 'id'>
  meetupOccurrences!: EntityTable<MeetupOccurrence, 'id'>
  guideSteps!: EntityTable<GuideStep, 'id'>
  guideTexts!: EntityTable<GuideText, 'id'>
  guideNotes!: EntityTable<GuideNote, 'id'>
  contacts!: EntityTable<Contact, 'id'>
  /** The person's ticked guide steps; never sent anywhere. */
  progress!: EntityTable<StepProgress, 'stepId'>
  bookmarks!: Table<Bookmark, [string, string]>
  meta!: EntityTable<KeyValue, 'key'>
  settings!: EntityTable<KeyValue, 'key'>
  /** Submissions waiting to be sent and sent ones with their answer ("My sign-ups"). */
  outbox!: EntityTable<OutboxEntry, 'clientId'>
  /** Unsent form typing, per form. */
  drafts!: EntityTable<Draft, 'key'>

  constructor(name = DB_NAME) {
    super(name)
    this.version(1).stores({
      meetups: 'id, startsAt, district, kind',
      meta: 'key',
      settings: 'key',
    })
    // Guide content and contacts (synced), the person's progress and bookmarks (kept only here).
    this.version(2).stores({
      guideSteps: 'id, phase',
      contacts: 'id, district',
      progress: 'stepId',
      bookmarks: '[kind+id], savedAt',
    })
    // Meetups became series with their dates in meetupOccurrences; old one-off rows are dropped and
    // the next sync starts from scratch to fetch both.
    this.version(3)
      .stores({
        meetups: 'id, district, kind',
        meetupOccurrences: 'id, startsAt, meetupId, [district+startsAt]',
      })
      .upgrade(async (tx) => {
        await tx.table('meetups').clear()
        await tx.table('meta').delete('syncCursor')
      })
    // Volunteering: the outbox (also "My sign-ups") and form drafts.
    this.version(4).stores({
      outbox: 'clientId, state, nextAttemptAt, createdAt',
      drafts: 'key',
    })
    // Content workspace: steps keep structure only, texts are rows per language, districts add notes.
    // The old steps (texts inside) are dropped and the next sync starts from scratch to fetch all three.
    this.version(5)
      .stores({
        guideSteps: 'id, phase, district',
        guideTexts: 'id, stepId, lang',
        guideNotes: 'id, stepId, district',
      })
      .upgrade(async (tx) => {
        await tx.table('guideSteps').clear()
        await tx.table('meta').delete('syncCursor')
      })
    // Guide texts carry their step's district (null = statewide), so a district-only step's texts
    // leave with it when the phone moves. Rows synced before get it from their step.
    this.version(6)
      .stores({})
      .upgrade(async (tx) => {
        const districts = new Map<string, string | null>()
        await tx.table('guideSteps').each((step: GuideStep) => districts.set(step.id, step.district))
        await tx.table('guideTexts').toCollection().modify((text: GuideText) => {
          text.district = districts.get(text.stepId) ?? null
        })
      })
    // Local notes carry a translation status per language. Notes synced before had none: nobody was
    // recorded as checking them, so their translations count as `machine` (as the server says).
    this.version(7)
      .stores({})
      .upgrade(async (tx) => {
        await tx.table('guideNotes').toCollection().modify((note: GuideNote) => {
          note.status = Object.fromEntries(Object.keys(note.text).filter((lang) => lang !== 'de').map((lang) => [lang, 'machine' as StoredStatus]))
        })
      })
    // Only in the app-update browser test's second build: the next release, swapped in under a running page.
    if (E2E_NEXT_RELEASE) declareNextRelease(this)
  }
}

export const db = new WillkommenDb()
closeForNewerVersion(db)
