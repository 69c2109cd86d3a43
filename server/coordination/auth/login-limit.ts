/**
 * Login attempts per key (client address and account) within a window. An attempt counts from the
 * moment it starts, so guesses sent all at once are limited too; a successful login is then taken
 * off again: a coordinator who logs in often is never locked out, while guessing a password is slowed
 * down. Kept in memory, like the other rate limits of this single-process server.
 */
export function loginLimiter(max: number, windowMs: number) {
  const attempts = new Map<string, number[]>()
  const recent = (key: string, now: number) => (attempts.get(key) ?? []).filter((at) => at > now - windowMs)

  return {
    /** Counts an attempt made at `now`; when the limit is reached it is not counted and the seconds to wait are returned. */
    take(key: string, now: number): number {
      const kept = recent(key, now)
      if (kept.length >= max) {
        attempts.set(key, kept)
        return Math.max(1, Math.ceil((kept[0]! + windowMs - now) / 1000))
      }
      attempts.set(key, [...kept, now])
      if (attempts.size > 10_000) for (const k of attempts.keys()) if (recent(k, now).length === 0) attempts.delete(k)
      return 0
    },
    /** The attempt made at `at` succeeded: it no longer counts. */
    forgive(key: string, at: number): void {
      const kept = attempts.get(key) ?? []
      const i = kept.indexOf(at)
      if (i >= 0) kept.splice(i, 1)
      if (kept.length === 0) attempts.delete(key)
    },
  }
}
