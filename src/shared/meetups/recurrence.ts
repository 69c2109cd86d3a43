import { fromBerlinWallTime, type WallTime } from '../berlin-time.ts'
import { icsUtc } from './ics.ts'

/**
 * A small subset of RFC 5545 recurrence rules, expanded in Europe/Berlin wall time so that a 17:00
 * meetup stays at 17:00 across the clock changes:
 *   FREQ=WEEKLY;INTERVAL=n;BYDAY=MO,TH      FREQ=MONTHLY;BYDAY=2TH (or -1FR)
 *   plus UNTIL (a date, or a UTC date-time) or COUNT.
 */
export const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export interface ByDay {
  weekday: Weekday
  /** n-th weekday of the month (1…5, or −1…−5 from the end); monthly rules only. */
  n?: number
}

export interface RecurrenceRule {
  freq: 'WEEKLY' | 'MONTHLY'
  interval: number
  byDay: ByDay[]
  /** Last possible start: a Berlin date (inclusive) or an instant. */
  until?: { date: string } | { instant: Date }
  count?: number
}

export class RecurrenceError extends Error {}

const BYDAY = /^([+-]?[1-5])?(SU|MO|TU|WE|TH|FR|SA)$/

export function parseRRule(text: string): RecurrenceRule {
  const parts = new Map<string, string>()
  for (const part of text.replace(/^RRULE:/i, '').split(';')) {
    const [key, value] = part.split('=')
    if (!key || value === undefined || parts.has(key.toUpperCase())) throw new RecurrenceError(`bad rule part "${part}"`)
    parts.set(key.toUpperCase(), value.toUpperCase())
  }
  const freq = parts.get('FREQ')
  if (freq !== 'WEEKLY' && freq !== 'MONTHLY') throw new RecurrenceError('FREQ must be WEEKLY or MONTHLY')
  for (const key of parts.keys()) {
    if (!['FREQ', 'INTERVAL', 'BYDAY', 'UNTIL', 'COUNT', 'WKST'].includes(key)) throw new RecurrenceError(`unsupported ${key}`)
  }
  if (parts.has('WKST') && parts.get('WKST') !== 'MO') throw new RecurrenceError('only WKST=MO')
  const interval = parts.has('INTERVAL') ? Number(parts.get('INTERVAL')) : 1
  if (!Number.isInteger(interval) || interval < 1 || interval > 52) throw new RecurrenceError('bad INTERVAL')
  const byDay = (parts.get('BYDAY')?.split(',') ?? []).map((d): ByDay => {
    const m = BYDAY.exec(d)
    if (!m) throw new RecurrenceError(`bad BYDAY "${d}"`)
    const weekday = m[2] as Weekday
    if (m[1] === undefined) return { weekday }
    if (freq === 'WEEKLY') throw new RecurrenceError('numbered BYDAY needs FREQ=MONTHLY')
    return { weekday, n: Number(m[1]) }
  })
  const rule: RecurrenceRule = { freq, interval, byDay }
  if (parts.has('UNTIL') && parts.has('COUNT')) throw new RecurrenceError('UNTIL and COUNT exclude each other')
  const until = parts.get('UNTIL')
  if (until !== undefined) {
    const date = /^(\d{4})(\d{2})(\d{2})$/.exec(until)
    const utc = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(until)
    if (date) rule.until = { date: `${date[1]}-${date[2]}-${date[3]}` }
    else if (utc) rule.until = { instant: new Date(Date.UTC(+utc[1]!, +utc[2]! - 1, +utc[3]!, +utc[4]!, +utc[5]!, +utc[6]!)) }
    else throw new RecurrenceError('UNTIL must be YYYYMMDD or YYYYMMDDTHHMMSSZ')
  }
  const count = parts.get('COUNT')
  if (count !== undefined) {
    rule.count = Number(count)
    if (!Number.isInteger(rule.count) || rule.count < 1 || rule.count > 1000) throw new RecurrenceError('bad COUNT')
  }
  return rule
}

/** True when the text is a rule this module understands. */
export function isValidRRule(text: string): boolean {
  try {
    parseRRule(text)
    return true
  } catch {
    return false
  }
}

/** The rule as RFC 5545 text; UNTIL always as a UTC instant, as RFC 5545 wants next to DTSTART;TZID. */
export function formatRRule(rule: RecurrenceRule): string {
  const parts = [`FREQ=${rule.freq}`]
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`)
  if (rule.byDay.length) parts.push(`BYDAY=${rule.byDay.map((d) => `${d.n ?? ''}${d.weekday}`).join(',')}`)
  if (rule.until) parts.push(`UNTIL=${icsUtc(untilInstant(rule.until))}`)
  if (rule.count) parts.push(`COUNT=${rule.count}`)
  return parts.join(';')
}

/** A Berlin-date UNTIL ends with that day. */
function untilInstant(until: NonNullable<RecurrenceRule['until']>): Date {
  if ('instant' in until) return until.instant
  const [y, m, d] = until.date.split('-').map(Number) as [number, number, number]
  return new Date(fromBerlinWallTime({ year: y, month: m, day: d, hour: 23, minute: 59 }).getTime() + 59000)
}

// ——— Civil dates: plain calendar days, computed in UTC so no zone can shift them. ———

function civil(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day))
}
function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86400000)
}
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Local start key of a wall time, e.g. 20261203T1700 — part of every occurrence id. */
export function wallKey(w: WallTime): string {
  const p = (n: number, l = 2) => String(n).padStart(l, '0')
  return `${p(w.year, 4)}${p(w.month)}${p(w.day)}T${p(w.hour)}${p(w.minute)}`
}

export function parseWallKey(key: string): WallTime {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})$/.exec(key)
  if (!m) throw new RecurrenceError(`bad local start "${key}"`)
  return { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]! }
}

/** "2026-12-03T17:00" (the API form of a local start) to a wall time. */
export function parseLocalDateTime(text: string): WallTime | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text)
  if (!m) return undefined
  const w = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]! }
  const check = civil(w.year, w.month, w.day)
  if (check.getUTCMonth() + 1 !== w.month || check.getUTCDate() !== w.day || w.hour > 23 || w.minute > 59) return undefined
  return w
}

export function formatLocalDateTime(w: WallTime): string {
  const k = wallKey(w)
  return `${k.slice(0, 4)}-${k.slice(4, 6)}-${k.slice(6, 8)}T${k.slice(9, 11)}:${k.slice(11, 13)}`
}

export interface ExpandOptions {
  /** First start in Berlin wall time; always the first occurrence. */
  start: WallTime
  /** RFC 5545 rule; none means a single date. */
  rrule?: string | null
  /** Stop generating after this instant (the materialisation horizon). */
  horizon: Date
}

export interface ExpandedStart {
  key: string
  wall: WallTime
  startsAt: Date
}

/** Every start of a series up to the horizon, in order, each with its stable local key. */
export function expandStarts({ start, rrule, horizon }: ExpandOptions): ExpandedStart[] {
  const out: ExpandedStart[] = []
  const push = (day: Date): boolean => {
    const wall = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: start.hour, minute: start.minute }
    const startsAt = fromBerlinWallTime(wall)
    if (startsAt > horizon) return false
    out.push({ key: wallKey(wall), wall, startsAt })
    return true
  }
  const first = civil(start.year, start.month, start.day)
  if (!rrule) {
    push(first)
    return out
  }
  const rule = parseRRule(rrule)
  const limit = rule.until ? untilInstant(rule.until) : undefined
  // RFC 5545: DTSTART is always the first occurrence, even where the rule would not produce it.
  if (!push(first)) return out
  const candidates = rule.freq === 'WEEKLY' ? weeklyDays(rule, first) : monthlyDays(rule, first)
  for (const day of candidates) {
    if (day <= first) continue
    if (rule.count !== undefined && out.length >= rule.count) break
    const startsAt = fromBerlinWallTime({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: start.hour, minute: start.minute })
    if (limit && startsAt > limit) break
    if (!push(day)) break
  }
  return out
}

/** Days of the rule, in order, starting in DTSTART's week (weeks start on Monday). */
function* weeklyDays(rule: RecurrenceRule, first: Date): Generator<Date> {
  const weekdays = rule.byDay.length ? rule.byDay.map((d) => WEEKDAYS.indexOf(d.weekday)) : [first.getUTCDay()]
  // Offsets from Monday, sorted: Monday = 0 … Sunday = 6.
  const offsets = [...new Set(weekdays.map((w) => (w + 6) % 7))].sort((a, b) => a - b)
  let monday = addDays(first, -((first.getUTCDay() + 6) % 7))
  for (let i = 0; i < 5000; i++) {
    for (const o of offsets) yield addDays(monday, o)
    monday = addDays(monday, 7 * rule.interval)
  }
}

function* monthlyDays(rule: RecurrenceRule, first: Date): Generator<Date> {
  let year = first.getUTCFullYear()
  let month = first.getUTCMonth() + 1
  const byDay = rule.byDay.length ? rule.byDay : [{ weekday: WEEKDAYS[first.getUTCDay()]!, n: Math.ceil(first.getUTCDate() / 7) }]
  for (let i = 0; i < 1200; i++) {
    const days: number[] = []
    const len = daysInMonth(year, month)
    for (const d of byDay) {
      const wd = WEEKDAYS.indexOf(d.weekday)
      const matching: number[] = []
      for (let day = 1; day <= len; day++) if (civil(year, month, day).getUTCDay() === wd) matching.push(day)
      if (d.n === undefined) days.push(...matching)
      else {
        const pick = d.n > 0 ? matching[d.n - 1] : matching[matching.length + d.n]
        if (pick !== undefined) days.push(pick)
      }
    }
    for (const day of [...new Set(days)].sort((a, b) => a - b)) yield civil(year, month, day)
    month += rule.interval
    while (month > 12) {
      month -= 12
      year++
    }
  }
}
