import type { Meetup, MeetupOccurrence } from '../shared/meetups/meetup.schema.ts'
import { icsFileName, occurrenceCalendar, seriesCalendar } from '../shared/meetups/meetup-ics.ts'
import { pickText } from '../i18n/localized.ts'
import { berlinDay } from '../shared/berlin-time.ts'
import { SOURCE_LOCALE } from '../i18n/locales.ts'

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

/** The title in the person's language, then German: the file is named by the first with Latin letters. */
function fileTitles(meetup: Meetup, locale: string): string[] {
  return [pickText(meetup.title, locale).text, meetup.title[SOURCE_LOCALE] ?? '']
}

/** Builds the .ics on the phone from IndexedDB data, so it works offline too. */
export function downloadOccurrence(meetup: Meetup, occurrence: MeetupOccurrence, locale: string): void {
  const fileName = icsFileName(fileTitles(meetup, locale), berlinDay(new Date(occurrence.startsAt)))
  save(occurrenceCalendar(meetup, occurrence, locale, new Date(), occurrenceUrl(occurrence.id)), fileName)
}

export function downloadSeries(meetup: Meetup, occurrenceId: string, locale: string): void {
  save(seriesCalendar(meetup, locale, new Date(), occurrenceUrl(occurrenceId)), icsFileName(fileTitles(meetup, locale)))
}
