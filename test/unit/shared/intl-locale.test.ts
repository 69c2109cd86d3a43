import { describe, expect, it } from 'vitest'
import { formatLongDate, formatShortDateTime, formatTimeRange } from '../../../src/meetups/meetup-format.ts'
import { formatCheckedOn } from '../../../src/guide/step-text.ts'

// 5 March 2026, 18:30–20:00 in Germany.
const START = '2026-03-05T17:30:00Z'
const END = '2026-03-05T19:00:00Z'

describe('dates in Arabic as people from Syria and Iraq read them', () => {
  it('uses the month names of Syria and Iraq, not the Egyptian ones', () => {
    expect(formatLongDate(START, 'ar')).toContain('آذار')
    expect(formatLongDate(START, 'ar')).not.toContain('مارس')
    expect(formatCheckedOn('2026-12-01', 'ar')).toContain('كانون الأول')
  })

  it('shows times on a 24-hour clock, with the digits on German letters and posters', () => {
    expect(formatTimeRange(START, END, 'ar')).toMatch(/18:30\s*[–-]\s*20:00/)
    expect(formatShortDateTime(START, 'ar')).toContain('18:30')
    expect(formatShortDateTime(START, 'ar')).not.toMatch(/[٠-٩]|\bم\b/)
  })

  it('leaves the other languages to Intl as they are', () => {
    expect(formatTimeRange(START, END, 'de')).toMatch(/18:30\s*[–-]\s*20:00/)
    expect(formatLongDate(START, 'uk')).toContain('березня')
  })
})
