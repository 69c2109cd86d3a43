import { fromBerlinWallTime } from '../berlin-time.ts'
import { expandStarts, parseLocalDateTime } from '../meetups/recurrence.ts'
import { WORKING_GROUP_MEETINGS_PER_YEAR, workingGroupsOf } from './working-groups.ts'

/**
 * How many dates a series has in a calendar year: the most in the year of its first date or the next (a monthly
 * series that starts in November still meets twelve times the year after); 0 for a start that is no date.
 * Calendar years, not "365 days from the first date": a series on the second Tuesday of each month has 13 dates
 * in the 365 days from 12 January 2027, because 11 January 2028 is one of them.
 */
export function datesPerYear(startsLocal: string, rrule: string | null): number {
  const start = parseLocalDateTime(startsLocal)
  if (!start) return 0
  const horizon = fromBerlinWallTime({ year: start.year + 2, month: 1, day: 1, hour: 0, minute: 0 })
  const perYear = new Map<number, number>()
  for (const { wall } of expandStarts({ start, rrule, horizon })) {
    if (wall.year <= start.year + 1) perYear.set(wall.year, (perYear.get(wall.year) ?? 0) + 1)
  }
  return Math.max(0, ...perYear.values())
}

/**
 * The editor's warning for a network meeting in a district whose network has working groups: a
 * group meets up to five times a year (seed 004, Geschäftsordnung § 5 (2)). Undefined when the series
 * keeps to it or the rule does not apply. A warning, not an error: the coordinator decides.
 */
export function frequencyWarning(series: { kind: string; district: string; startsLocal: string; rrule: string | null }): { count: number; max: number } | undefined {
  if (series.kind !== 'network-meeting' || workingGroupsOf(series.district).length === 0) return undefined
  const count = datesPerYear(series.startsLocal, series.rrule)
  return count > WORKING_GROUP_MEETINGS_PER_YEAR ? { count, max: WORKING_GROUP_MEETINGS_PER_YEAR } : undefined
}
