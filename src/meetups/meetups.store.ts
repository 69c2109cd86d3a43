import { defineStore } from 'pinia'
import { liveQuery, type Subscription } from 'dexie'
import { computed, ref, shallowRef, watch } from 'vue'
import { db } from '../db/db.ts'
import { useLiveQuery } from '../db/live-query.ts'
import type { Meetup, MeetupOccurrence } from '../shared/meetups/meetup.schema.ts'
import { useSettingsStore } from '../app/settings.store.ts'
import { listMeetups, nextElsewhere, type MeetupFilter } from './meetup-filter.ts'
import { upcomingFrom } from './next-dates.ts'

// Ten cards fill about three screens of a phone; fewer to build on the first screen of a weak one (slow-link
// bench, medians of 5 on one machine: the first guide step 0.13 s sooner than with 20, which was 0.05 s sooner
// than 50; on another, within the runs' spread), and "show more" adds ten.
const PAGE = 10

function upcomingOccurrences(district: string): Promise<MeetupOccurrence[]> {
  const from = upcomingFrom(new Date())
  if (district === 'all') return db.meetupOccurrences.where('startsAt').aboveOrEqual(from).toArray()
  return db.meetupOccurrences.where('[district+startsAt]').between([district, from], [district, '\uffff']).toArray()
}

/** Keeps `onRows` fed with the upcoming dates of a district ('all': every one on the phone). */
function watchUpcoming(district: string, onRows: (rows: MeetupOccurrence[]) => void): Subscription {
  return liveQuery(() => upcomingOccurrences(district)).subscribe({
    next: onRows,
    error: (err: unknown) => console.error('IndexedDB query failed', err),
  })
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
      subscription = watchUpcoming(district, (rows) => {
        upcoming.value = rows
        loaded.value = true
      })
    },
    { immediate: true },
  )

  const list = computed(() => listMeetups(upcoming.value, meetups.value, filter.value, new Date(), limit.value))
  const byDay = computed(() => list.value.days)

  // The start screen is never a dead end: when the chosen district has nothing that fits, the next
  // dates elsewhere on the phone are read (only then) and offered.
  const emptyInDistrict = computed(() => loaded.value && byDay.value.length === 0 && filter.value.district !== 'all')
  const everywhere = shallowRef<MeetupOccurrence[]>([])
  let everywhereSubscription: Subscription | undefined
  watch(
    emptyInDistrict,
    (empty) => {
      everywhereSubscription?.unsubscribe()
      everywhereSubscription = empty ? watchUpcoming('all', (rows) => (everywhere.value = rows)) : undefined
    },
    { immediate: true },
  )
  const elsewhere = computed(() => (emptyInDistrict.value ? nextElsewhere(everywhere.value, meetups.value, filter.value, new Date(), 3) : []))

  function setFilter(change: Partial<MeetupFilter>): void {
    if (change.district !== undefined) districtTouched = true
    filter.value = { ...filter.value, ...change }
    limit.value = PAGE
  }

  function showMore(): void {
    limit.value += PAGE
  }

  return { filter, byDay, list, elsewhere, meetups, upcoming, loaded, setFilter, showMore }
})
