import { describe, expect, it } from 'vitest'
import { districtOfTown, findPlaces } from '../../../src/district/town-lookup.ts'

const TOWNS = [
  { name: 'Tangerhütte', district: 'stendal' },
  { name: 'Tangermünde', district: 'stendal' },
  { name: 'Blankenburg (Harz)', district: 'harz' },
  { name: 'Quedlinburg', district: 'harz' },
  { name: 'Salzwedel', district: 'altmarkkreis-salzwedel' },
  { name: 'Naumburg (Saale)', district: 'burgenlandkreis' },
  { name: 'Bad Dürrenberg', district: 'saalekreis' },
]

describe('finding the district by a town', () => {
  it('finds a town typed without its umlaut, and its district', () => {
    expect(findPlaces('Tangerhutte', TOWNS)).toEqual([{ name: 'Tangerhütte', district: 'stendal' }])
    expect(districtOfTown('tangerhütte', TOWNS)).toBe('stendal')
    expect(districtOfTown('Salzwedel', TOWNS)).toBe('altmarkkreis-salzwedel')
  })

  it('matches from the first letters, towns and districts alike', () => {
    expect(findPlaces('tanger', TOWNS).map((p) => p.name)).toEqual(['Tangerhütte', 'Tangermünde'])
    expect(findPlaces('Salzw', TOWNS)).toEqual(
      expect.arrayContaining([
        { name: 'Salzwedel', district: 'altmarkkreis-salzwedel' },
        { name: 'Altmarkkreis Salzwedel', district: 'altmarkkreis-salzwedel' },
      ]),
    )
    expect(findPlaces('Salzw', TOWNS)[0]).toEqual({ name: 'Salzwedel', district: 'altmarkkreis-salzwedel' })
  })

  it('matches a later word of the name, and ß written as ss', () => {
    expect(findPlaces('durrenb', TOWNS)).toEqual([{ name: 'Bad Dürrenberg', district: 'saalekreis' }])
    expect(findPlaces('dessau-rossl', TOWNS)).toEqual([{ name: 'Dessau-Roßlau', district: 'dessau-rosslau' }])
  })

  it('returns nothing for an empty or unknown name', () => {
    expect(findPlaces('  ', TOWNS)).toEqual([])
    expect(findPlaces('Berlin', TOWNS)).toEqual([])
    expect(districtOfTown('Berlin', TOWNS)).toBeUndefined()
  })
})

describe('the real town list', () => {
  it('knows the towns of the issue, and only real district slugs', async () => {
    const { TOWNS: REAL } = await import('../../../src/district/towns.ts')
    const { DISTRICT_SLUGS } = await import('../../../src/shared/districts.ts')
    expect(REAL.length).toBeGreaterThanOrEqual(60)
    expect(REAL.filter((t) => !DISTRICT_SLUGS.includes(t.district)).map((t) => t.name)).toEqual([])
    expect(findPlaces('Tangerhütte', REAL)[0]).toEqual({ name: 'Tangerhütte', district: 'stendal' })
    expect(findPlaces('Blankenburg', REAL)[0]?.district).toBe('harz')
    expect(findPlaces('Quedlinburg', REAL)[0]?.district).toBe('harz')
    expect(findPlaces('Naumburg', REAL)[0]?.district).toBe('burgenlandkreis')
    expect(findPlaces('Salzwedel', REAL)[0]).toEqual({ name: 'Salzwedel', district: 'altmarkkreis-salzwedel' })
  })
})
