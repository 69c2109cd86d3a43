import type { Meetup, MeetupOccurrence } from '../shared/meetups/meetup.schema.ts'
import { icsFileName, occurrenceCalendar, seriesCalendar } from '../shared/meetups/meetup-ics.ts'
import { pickText } from '../i18n/localized.ts'
import { berlinDay } from '../shared/berlin-time.ts'

/** Link to one date of a meetup in this app; the colon of the id may stay (valid in a path, shorter QR). */
export function occurrenceUrl(id: string): string {
  return `${location.origin}/meetups/${id.split(':').map(encodeURIComponent).join(':')}`
}

function save(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  // Give the browser time to start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** Builds the .ics on the phone from IndexedDB data, so it works offline too. */
export function downloadOccurrence(meetup: Meetup, occurrence: MeetupOccurrence, locale: string): void {
  const title = pickText(meetup.title, locale).text
  save(occurrenceCalendar(meetup, occurrence, locale, new Date(), occurrenceUrl(occurrence.id)), icsFileName(title, berlinDay(new Date(occurrence.startsAt))))
}

export function downloadSeries(meetup: Meetup, occurrenceId: string, locale: string): void {
  const title = pickText(meetup.title, locale).text
  save(seriesCalendar(meetup, locale, new Date(), occurrenceUrl(occurrenceId)), icsFileName(title))
}
