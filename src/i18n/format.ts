import { BERLIN, berlinFormatter } from '../shared/berlin-time.ts'
import { intlLocale } from '../shared/intl-locale.ts'

/** Dates and times of local events, always shown in German time (Europe/Berlin). */
export function formatTime(iso: string, locale: string): string {
  return berlinFormatter(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
}

export function formatDay(iso: string, locale: string): string {
  return berlinFormatter(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(iso))
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>()

export function formatRelative(iso: string, locale: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000)
  let rtf = relativeFormats.get(locale)
  if (!rtf) relativeFormats.set(locale, (rtf = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' })))
  const abs = Math.abs(seconds)
  if (abs < 60) return rtf.format(seconds, 'second')
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute')
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour')
  return rtf.format(Math.round(seconds / 86400), 'day')
}

/** True when the phone's clock is in a zone other than German time (the person may still be abroad). */
export function phoneIsOutsideBerlinTime(): boolean {
  return Intl.DateTimeFormat().resolvedOptions().timeZone !== BERLIN
}

export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

/** Date and time in German time, compact (lists of the coordinator workspace). */
export function formatDateTime(iso: string, locale: string): string {
  return berlinFormatter(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
}

/** A list in the locale's own way ("Deutsch, Englisch und Arabisch"; Arabic with its comma and "و"). */
export function formatList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(intlLocale(locale), { type: 'conjunction', style: 'long' }).format(items)
}
