import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHECK_JITTER_MS, createStatusPoller, IDLE_CHECK_MS, nextStatusCheck, PENDING_CHECK_MS } from '../../../src/outbox/status-schedule.ts'

describe('status schedule', () => {
  it('asks every 20–30 s while visible with something pending, every five minutes otherwise, never while hidden', () => {
    expect(nextStatusCheck({ visible: true, pending: true }, () => 0)).toBe(20_000)
    expect(nextStatusCheck({ visible: true, pending: true }, () => 0.999)).toBeLessThan(30_000)
    expect(nextStatusCheck({ visible: true, pending: false })).toBe(5 * 60_000)
    expect(nextStatusCheck({ visible: false, pending: true })).toBeNull()
  })
})

describe('status poller (fake clock)', () => {
  let visible = true
  beforeEach(() => {
    vi.useFakeTimers()
    visible = true
  })
  afterEach(() => vi.useRealTimers())

  /** The fast delay with `random` at 0.5. */
  const FAST = PENDING_CHECK_MS + CHECK_JITTER_MS / 2
  const poller = (pending: () => boolean) => {
    const check = vi.fn(async () => pending())
    return { check, poller: createStatusPoller({ check, visible: () => visible, random: () => 0.5 }) }
  }

  it('shows news within half a minute while a place or a match is pending', async () => {
    const { check, poller: p } = poller(() => true)
    await p.checkNow()
    await vi.advanceTimersByTimeAsync(FAST)
    expect(check).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(check.mock.calls.length).toBeGreaterThanOrEqual(4)
    p.stop()
  })

  it('backs off to five minutes once nothing is pending, and after an error keeps the fast pace', async () => {
    let pending = true
    const { check, poller: p } = poller(() => pending)
    await p.checkNow()
    pending = false
    await vi.advanceTimersByTimeAsync(FAST)
    expect(check).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(IDLE_CHECK_MS - 1000)
    expect(check).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1000)
    expect(check).toHaveBeenCalledTimes(3)

    check.mockRejectedValueOnce(new Error('offline'))
    await vi.advanceTimersByTimeAsync(IDLE_CHECK_MS)
    expect(check).toHaveBeenCalledTimes(4)
    await vi.advanceTimersByTimeAsync(FAST)
    expect(check).toHaveBeenCalledTimes(5)
    p.stop()
  })

  it('does not ask while the app is hidden; one check at a time', async () => {
    visible = false
    const { check, poller: p } = poller(() => true)
    await Promise.all([p.checkNow(), p.checkNow()])
    expect(check).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(IDLE_CHECK_MS * 3)
    expect(check).toHaveBeenCalledTimes(1)
  })
})
