import { describe, expect, it } from 'vitest'
import { berlinOffsetMinutes, fromBerlinWallTime, toBerlinWallTime } from '../../../src/shared/berlin-time.ts'

describe('Berlin wall time', () => {
  it('knows winter and summer offsets', () => {
    expect(berlinOffsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(60)
    expect(berlinOffsetMinutes(new Date('2026-07-15T12:00:00Z'))).toBe(120)
  })

  it('keeps 17:00 local across both clock changes of 2026', () => {
    expect(fromBerlinWallTime({ year: 2026, month: 3, day: 28, hour: 17, minute: 0 }).toISOString()).toBe('2026-03-28T16:00:00.000Z')
    expect(fromBerlinWallTime({ year: 2026, month: 3, day: 29, hour: 17, minute: 0 }).toISOString()).toBe('2026-03-29T15:00:00.000Z')
    expect(fromBerlinWallTime({ year: 2026, month: 10, day: 24, hour: 17, minute: 0 }).toISOString()).toBe('2026-10-24T15:00:00.000Z')
    expect(fromBerlinWallTime({ year: 2026, month: 10, day: 25, hour: 17, minute: 0 }).toISOString()).toBe('2026-10-25T16:00:00.000Z')
  })

  it('moves a time skipped in spring forward and takes the first of a doubled autumn hour', () => {
    expect(fromBerlinWallTime({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }).toISOString()).toBe('2026-03-29T01:30:00.000Z')
    expect(fromBerlinWallTime({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }).toISOString()).toBe('2026-10-25T00:30:00.000Z')
  })

  it('round-trips every hour of a year', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3600_000) {
      const wall = toBerlinWallTime(new Date(t))
      const back = fromBerlinWallTime(wall)
      expect(toBerlinWallTime(back)).toEqual(wall)
    }
  })
})
