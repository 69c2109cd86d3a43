import { intlLocale } from './intl-locale.ts'

/** Local events happen in Europe/Berlin; these helpers convert between its wall time and instants. */
export const BERLIN = 'Europe/Berlin'

const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * An Intl.DateTimeFormat in German time, built once per locale and options: building one loads the
 * zone's data and costs far more than formatting, so it happens on first use, not at start.
 */
export function berlinFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let formatter = formatters.get(key)
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: BERLIN })))
  return formatter
}

/** The Berlin calendar day of an instant, YYYY-MM-DD (compares correctly as text). */
export function berlinDay(instant: Date): string {
  return berlinFormatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant)
}

const PARTS: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
}

export interface WallTime {
  year: number
  month: number // 1–12
  day: number
  hour: number
  minute: number
}

/** Berlin wall time of an instant. */
export function toBerlinWallTime(instant: Date): WallTime {
  const parts = berlinFormatter('en-GB', PARTS).formatToParts(instant)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') }
}

/** Offset of Berlin from UTC in minutes at an instant (60 in winter, 120 in summer). */
export function berlinOffsetMinutes(instant: Date): number {
  const w = toBerlinWallTime(instant)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute)
  return Math.round((asUtc - Math.floor(instant.getTime() / 60000) * 60000) / 60000)
}

/**
 * The instant at which Berlin clocks show this wall time. A time skipped by the spring change
 * (02:30 on the last Sunday of March) moves forward by an hour; an ambiguous autumn time takes
 * the first (summer-time) instant.
 */
export function fromBerlinWallTime(w: WallTime): Date {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute)
  const first = naive - berlinOffsetMinutes(new Date(naive)) * 60000
  const offset = berlinOffsetMinutes(new Date(first))
  const candidate = naive - offset * 60000
  const back = naive - berlinOffsetMinutes(new Date(candidate - 3600000)) * 60000
  // Prefer the earlier instant when both readings land on the same wall time (autumn overlap).
  if (back < candidate && sameWall(toBerlinWallTime(new Date(back)), w)) return new Date(back)
  return new Date(candidate)
}

function sameWall(a: WallTime, b: WallTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute
}
