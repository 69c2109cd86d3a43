import { fromBerlinWallTime } from '../berlin-time.ts'
import type { Meetup } from './meetup.schema.ts'
import { expandStarts, parseLocalDateTime, parseWallKey, RecurrenceError } from './recurrence.ts'

export interface PlannedOccurrence {
  /** `<meetupId>:<original local start>` — the same date always gets the same id. */
  id: string
  originalStart: string
  startsAt: string
  endsAt: string
  status: 'scheduled' | 'cancelled'
}

export function occurrenceId(meetupId: string, originalStart: string): string {
  return `${meetupId}:${originalStart}`
}

/**
 * The concrete dates of a meetup that end after `from` and start before `horizon`, with its
 * exceptions applied: a cancelled date stays (as cancelled), a moved date keeps its id. Once the
 * whole meetup is cancelled, every date starting after that is cancelled.
 */
export function planOccurrences(
  series: Pick<Meetup, 'id' | 'startsLocal' | 'rrule' | 'durationMinutes' | 'exceptions' | 'cancelledAt'>,
  { from, horizon }: { from: Date; horizon: Date },
): PlannedOccurrence[] {
  const start = parseLocalDateTime(series.startsLocal)
  if (!start) throw new RecurrenceError(`bad start "${series.startsLocal}"`)
  const exceptions = new Map(series.exceptions.map((e) => [e.original, e]))
  const duration = series.durationMinutes * 60000
  // A cancelled meetup: every date that starts from the cancellation on is cancelled too.
  const cancelledFrom = series.cancelledAt ? new Date(series.cancelledAt) : undefined
  const out: PlannedOccurrence[] = []
  for (const s of expandStarts({ start, rrule: series.rrule, horizon })) {
    const exception = exceptions.get(s.key)
    const moved = exception?.movedTo ? parseLocalDateTime(exception.movedTo) : undefined
    const startsAt = moved ? fromBerlinWallTime(moved) : s.startsAt
    const endsAt = new Date(startsAt.getTime() + duration)
    if (endsAt < from) continue
    out.push({
      id: occurrenceId(series.id, s.key),
      originalStart: s.key,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      status: exception?.cancelled || (cancelledFrom && startsAt >= cancelledFrom) ? 'cancelled' : 'scheduled',
    })
  }
  return out
}

/** Berlin wall time of an original start key, as an instant. */
export function originalStartInstant(key: string): Date {
  return fromBerlinWallTime(parseWallKey(key))
}
