import { fromBerlinWallTime } from '../berlin-time.ts'
import { expandStarts, parseLocalDateTime } from '../meetups/recurrence.ts'
import { WORKING_GROUP_MEETINGS_PER_YEAR, workingGroupsOf } from './working-groups.ts'

const YEAR_MS = 365 * 24 * 60 * 60 * 1000

/** How many dates a series has in the year from its first date (the first included); 0 for a start that is no date. */
export function datesInFirstYear(startsLocal: string, rrule: string | null): number {
  const start = parseLocalDateTime(startsLocal)
  if (!start) return 0
  const horizon = new Date(fromBerlinWallTime(start).getTime() + YEAR_MS - 1)
  return expandStarts({ start, rrule, horizon }).length
}

/**
 * The editor's warning for a network meeting in a district whose network has working groups: a
 * group meets up to five times a year (seed 004, Geschäftsordnung § 5 (2)). Undefined when the series
 * keeps to it or the rule does not apply. A warning, not an error: the coordinator decides.
 */
export function frequencyWarning(series: { kind: string; district: string; startsLocal: string; rrule: string | null }): { count: number; max: number } | undefined {
  if (series.kind !== 'network-meeting' || workingGroupsOf(series.district).length === 0) return undefined
  const count = datesInFirstYear(series.startsLocal, series.rrule)
  return count > WORKING_GROUP_MEETINGS_PER_YEAR ? { count, max: WORKING_GROUP_MEETINGS_PER_YEAR } : undefined
}
