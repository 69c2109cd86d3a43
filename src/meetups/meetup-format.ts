import { berlinFormatter } from '../shared/berlin-time.ts'

/** Short Berlin date such as "Do., 3. Dez." for lists of next dates. */
export function formatShortDate(iso: string, locale: string): string {
  return berlinFormatter(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(iso))
}

/** Full Berlin date with weekday and year, for the detail page and the poster. */
export function formatLongDate(iso: string, locale: string): string {
  return berlinFormatter(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso))
}

/** "16:00–17:30" in the locale's own way (Arabic: with its marks and order), Berlin time. */
export function formatTimeRange(startIso: string, endIso: string, locale: string): string {
  return berlinFormatter(locale, { hour: '2-digit', minute: '2-digit' }).formatRange(new Date(startIso), new Date(endIso))
}

/** Short date with time in one locale-formatted string, e.g. "Di., 1. Dez., 16:00". */
export function formatShortDateTime(iso: string, locale: string): string {
  return berlinFormatter(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso))
}
