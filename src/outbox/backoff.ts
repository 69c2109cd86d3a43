/** First retry after about 5 s, doubling up to 30 min; jitter spreads phones that come online together. */
export const BASE_DELAY_MS = 5_000
export const MAX_DELAY_MS = 30 * 60_000

export interface BackoffLimits {
  baseMs: number
  maxMs: number
}

/** Delay before attempt `attempts + 1`: half fixed, half random ("equal jitter"). `random` is in [0, 1). */
export function backoffDelay(
  attempts: number,
  random: () => number = Math.random,
  { baseMs, maxMs }: BackoffLimits = { baseMs: BASE_DELAY_MS, maxMs: MAX_DELAY_MS },
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1))
  return Math.round(ceiling / 2 + (ceiling / 2) * random())
}
