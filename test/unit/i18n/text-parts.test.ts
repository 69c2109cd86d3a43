import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LATER_GROUPS, partOfKey, pickPart } from '../../../src/i18n/text-parts.ts'

const arabic = JSON.parse(readFileSync('locales/ar.json', 'utf8')) as Record<string, unknown>

describe('a language’s texts in two parts', () => {
  it('puts every group in exactly one part, and both parts together are the whole file', () => {
    const start = pickPart(arabic, 'start')
    const later = pickPart(arabic, 'later')
    expect(Object.keys(later).sort()).toEqual(LATER_GROUPS.filter((g) => g in arabic).sort())
    expect(Object.keys(start).some((g) => LATER_GROUPS.includes(g))).toBe(false)
    expect({ ...start, ...later }).toEqual(arabic)
  })

  it('finds the part of a key by its group', () => {
    expect(partOfKey('meetups.title')).toBe('start')
    expect(partOfKey('guide.phases.planning.title')).toBe('start')
    expect(partOfKey('volunteering.offer.title')).toBe('later')
    expect(partOfKey('partners')).toBe('later')
  })
})
