import { fromBerlinWallTime } from '../berlin-time.ts'

/**
 * When a date was moved by the coordination office: its original start (ISO instant), else null.
 * The original start is the date's key in Berlin wall time (20261203T1700). Small enough for the start screen.
 */
export function movedFrom(date: { originalStart: string; startsAt: string }): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})$/.exec(date.originalStart)
  if (!m) return null
  const original = fromBerlinWallTime({ year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]! })
  return original.getTime() === new Date(date.startsAt).getTime() ? null : original.toISOString()
}
