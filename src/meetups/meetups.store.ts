import { defineStore } from 'pinia'
import { liveQuery, type Subscription } from 'dexie'
import { computed, ref, shallowRef, watch } from 'vue'
import { db } from '../db/db.ts'
import { useLiveQuery } from '../db/live-query.ts'
import type { Meetup, MeetupOccurrence } from '../shared/meetups/meetup.schema.ts'
import { useSettingsStore } from '../app/settings.store.ts'
import { listMeetups, type MeetupFilter } from './meetup-filter.ts'

const PAGE = 50

function upcomingOccurrences(district: string): Promise<MeetupOccurrence[]> {
  // Dates that are still running count as upcoming.
  const from = new Date(Date.now() - 2 * 3600000).toISOString()
  if (district === 'all') return db.meetupOccurrences.where('startsAt').aboveOrEqual(from).toArray()
  return db.meetupOccurrences.where('[district+startsAt]').between([district, from], [district, '\uffff']).toArray()
}

/** Upcoming meetup dates from IndexedDB, filtered and grouped by Berlin day; never from the network. */
export const useMeetupsStore = defineStore('meetups', () => {
  const settings = useSettingsStore()
  const filter = ref<MeetupFilter>({ kind: 'all', district: settings.district ?? 'all', language: 'all', thisWeek: false })
  const limit = ref(PAGE)
  // The person's district becomes the default once the settings are read, unless they chose already.
  let districtTouched = false
  watch(
    () => settings.district,
    (d) => {
      if (!districtTouched && d) filter.value = { ...filter.value, district: d }
    },
  )

  const meetups = useLiveQuery(async () => new Map((await db.meetups.toArray()).map((m) => [m.id, m])), new Map<string, Meetup>())
  // Re-subscribed when the district changes, so the district index does the first cut.
  const upcoming = shallowRef<MeetupOccurrence[]>([])
  const loaded = ref(false)
  let subscription: Subscription | undefined
  watch(
    () => filter.value.district,
    (district) => {
      subscription?.unsubscribe()
      subscription = liveQuery(() => upcomingOccurrences(district)).subscribe({
        next: (rows) => {
          upcoming.value = rows
          loaded.value = true
        },
        error: (err: unknown) => console.error('IndexedDB query failed', err),
      })
    },
    { immediate: true },
  )

  const list = computed(() => listMeetups(upcoming.value, meetups.value, filter.value, new Date(), limit.value))
  const byDay = computed(() => list.value.days)

  function setFilter(change: Partial<MeetupFilter>): void {
    if (change.district !== undefined) districtTouched = true
    filter.value = { ...filter.value, ...change }
    limit.value = PAGE
  }

  function showMore(): void {
    limit.value += PAGE
  }

  return { filter, byDay, list, meetups, upcoming, loaded, setFilter, showMore }
})
