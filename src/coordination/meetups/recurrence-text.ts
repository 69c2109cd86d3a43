import { fromBerlinWallTime } from '../../shared/berlin-time.ts'
import type { MonthWeek, RecurrenceInput } from '../../shared/coordination/meetup-editor.schema.ts'
import { recurrenceToRRule, WEEK_ORDER } from '../../shared/coordination/meetup-editor.ts'
import { planOccurrences, type PlannedOccurrence } from '../../shared/meetups/occurrences.ts'
import { expandStarts, parseLocalDateTime, type Weekday } from '../../shared/meetups/recurrence.ts'
import { formatList } from '../../i18n/format.ts'

/** vue-i18n's `t` with named values, as far as these helpers need it. */
export type Translate = (key: string, named?: Record<string, unknown>) => string

const P = 'coordinationMeetups.rule'

const NTH: Record<MonthWeek, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' }

/** Message key part of a week of the month (`first` … `last`). */
export function nthKey(week: MonthWeek): string {
  return NTH[week]
}

/** The weekday's name in the locale ("Donnerstag", "Thursday", "четвер", "الخميس"). */
export function weekdayName(weekday: Weekday, locale: string): string {
  // 1 January 2024 was a Monday.
  const day = Date.UTC(2024, 0, 1 + WEEK_ORDER.indexOf(weekday))
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(day)
}

/** "2 Wochen", "3 months", "2 тижні": the locale's own plural, by Intl. */
export function period(n: number, unit: 'week' | 'month', locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n)
}

function berlinDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`))
}

/**
 * The rule in plain words, e.g. "Alle 2 Wochen am Donnerstag, jeweils 17:00 Uhr (deutsche Zeit)"
 * or "Every 3 months on the last Friday, until 30 June 2027". Empty while the start is incomplete.
 */
export function describeRecurrence(r: RecurrenceInput, startsLocal: string, t: Translate, locale: string): string {
  const start = parseLocalDateTime(startsLocal)
  if (!start) return ''
  const time = startsLocal.slice(11, 16)
  if (r.type === 'none') return t(`${P}.once`, { date: berlinDate(startsLocal.slice(0, 10), locale), time })
  const interval = r.interval ?? 1
  let rule: string
  if (r.type === 'weekly') {
    const days = formatList(WEEK_ORDER.filter((d) => r.weekdays?.includes(d)).map((d) => weekdayName(d, locale)), locale)
    rule = interval === 1 ? t(`${P}.weekly`, { days }) : t(`${P}.weeklyEvery`, { period: period(interval, 'week', locale), days })
  } else {
    const named = { nth: t(`${P}.nth.${nthKey(r.week ?? 1)}`), weekday: r.weekday ? weekdayName(r.weekday, locale) : '' }
    rule = interval === 1 ? t(`${P}.monthly`, named) : t(`${P}.monthlyEvery`, { ...named, period: period(interval, 'month', locale) })
  }
  let text = t(`${P}.at`, { rule, time })
  if (r.end?.type === 'until' && r.end.date) text = t(`${P}.until`, { rule: text, date: berlinDate(r.end.date, locale) })
  if (r.end?.type === 'count' && r.end.count) text = t(`${P}.count`, { rule: text, n: r.end.count })
  return text
}

export interface Preview {
  /** The next dates from now on. */
  dates: PlannedOccurrence[]
  /** How many dates the rule has in all; null when it has no end. */
  total: number | null
}

const YEAR = 365 * 86400000

/**
 * The next dates of what the form says, computed on the phone with the same planOccurrences the
 * server uses; undefined while start or rule are incomplete.
 */
export function previewDates(
  form: { startsLocal: string; durationMinutes: number; recurrence: RecurrenceInput },
  now: Date,
  max = 5,
): Preview | undefined {
  const start = parseLocalDateTime(form.startsLocal)
  const r = form.recurrence
  if (!start || !(form.durationMinutes > 0)) return undefined
  if (r.type === 'weekly' && !r.weekdays?.length) return undefined
  if (r.type === 'monthly' && (r.week === undefined || r.weekday === undefined)) return undefined
  let rrule: string | null
  try {
    rrule = recurrenceToRRule(r)
  } catch {
    return undefined
  }
  const series = { id: 'preview', startsLocal: form.startsLocal, rrule, durationMinutes: form.durationMinutes, exceptions: [] }
  const horizon = new Date(Math.max(now.getTime(), fromBerlinWallTime(start).getTime()) + 2 * YEAR)
  const dates = planOccurrences(series, { from: now, horizon }).slice(0, max)
  const finite = !rrule || r.end?.type === 'until' || r.end?.type === 'count'
  const total = finite ? expandStarts({ start, rrule, horizon: new Date(8.64e15) }).length : null
  return { dates, total }
}
