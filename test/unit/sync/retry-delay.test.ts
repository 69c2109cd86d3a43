import { describe, expect, it } from 'vitest'
import { backoffDelay } from '../../../src/outbox/backoff.ts'
import { RETRY_LIMITS } from '../../../src/sync/sync.store.ts'

describe('retrying a pull that did not land', () => {
  it('waits seconds, doubling from about 2 s up to a minute, with jitter', () => {
    const longest = (n: number) => backoffDelay(n, () => 0.999999, RETRY_LIMITS)
    const shortest = (n: number) => backoffDelay(n, () => 0, RETRY_LIMITS)
    expect([1, 2, 3, 4].map(longest)).toEqual([2_000, 4_000, 8_000, 16_000])
    expect([1, 2, 3, 4].map(shortest)).toEqual([1_000, 2_000, 4_000, 8_000])
    expect(longest(30)).toBe(60_000)
    expect(shortest(30)).toBe(30_000)
  })
})
