import { defineStore } from 'pinia'
import { liveQuery, type Subscription } from 'dexie'
import { ref, shallowRef } from 'vue'
import { db } from '../db/db.ts'
import type { Meetup, MeetupOccurrence } from '../shared/meetups/meetup.schema.ts'

export interface MeetupDetail {
  occurrence: MeetupOccurrence
  meetup: Meetup
  /** Upcoming dates of the same meetup, this one included. */
  dates: MeetupOccurrence[]
}

async function readDetail(id: string): Promise<MeetupDetail | null> {
  const occurrence = await db.meetupOccurrences.get(id)
  if (!occurrence) return null
  const meetup = await db.meetups.get(occurrence.meetupId)
  if (!meetup) return null
  const from = new Date(Date.now() - 2 * 3600000).toISOString()
  const dates = (await db.meetupOccurrences.where('meetupId').equals(meetup.id).toArray())
    .filter((o) => o.endsAt >= from || o.id === id)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  return { occurrence, meetup, dates }
}

/** One meetup date with its series, read from IndexedDB and kept current while open. */
export const useMeetupDetailStore = defineStore('meetup-detail', () => {
  const detail = shallowRef<MeetupDetail | null>(null)
  const loaded = ref(false)
  let subscription: Subscription | undefined

  function open(id: string): void {
    subscription?.unsubscribe()
    loaded.value = false
    detail.value = null
    subscription = liveQuery(() => readDetail(id)).subscribe({
      next: (value) => {
        detail.value = value
        loaded.value = true
      },
      error: (err: unknown) => console.error('IndexedDB query failed', err),
    })
  }

  return { detail, loaded, open }
})
