/**
 * Seed 004, § 1 (4): a partner that takes part in no working group meeting for a year is removed
 * from the list and the mailing list. The directory flags such partners so a coordinator removes them.
 * All days are Berlin calendar days (YYYY-MM-DD), which compare correctly as text.
 */

/** The same Berlin day one year earlier (29 February becomes 28 February). */
export function oneYearBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const lastOfMonth = new Date(Date.UTC(y - 1, m, 0)).getUTCDate()
  return `${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastOfMonth)).padStart(2, '0')}`
}

export interface AttendanceRecord {
  /** Berlin day the partner joined (or was entered). */
  memberSince: string
  /** Berlin day of the last meeting attended, or null. */
  lastAttendedOn: string | null
}

/**
 * Flagged for removal: a partner for at least twelve months that attended no meeting within the
 * last twelve months (a meeting exactly one year ago still counts).
 */
export function isFlaggedForRemoval(partner: AttendanceRecord, today: string): boolean {
  const cutoff = oneYearBefore(today)
  if (partner.memberSince > cutoff) return false
  return partner.lastAttendedOn === null || partner.lastAttendedOn < cutoff
}
