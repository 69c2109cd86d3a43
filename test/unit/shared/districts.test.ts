import { describe, expect, it } from 'vitest'
import { DISTRICT_NEIGHBOURS, DISTRICT_SLUGS } from '../../../src/shared/districts.ts'

describe('neighbouring districts', () => {
  it('lists every district and only known districts', () => {
    expect(Object.keys(DISTRICT_NEIGHBOURS).sort()).toEqual([...DISTRICT_SLUGS].sort())
    for (const neighbours of Object.values(DISTRICT_NEIGHBOURS)) for (const n of neighbours) expect(DISTRICT_SLUGS).toContain(n)
  })

  it('is symmetric, without a district next to itself or listed twice', () => {
    const oneSided: string[] = []
    for (const [district, neighbours] of Object.entries(DISTRICT_NEIGHBOURS)) {
      expect(neighbours).not.toContain(district)
      expect(new Set(neighbours).size).toBe(neighbours.length)
      for (const n of neighbours) if (!DISTRICT_NEIGHBOURS[n]?.includes(district)) oneSided.push(`${district} → ${n}`)
    }
    expect(oneSided).toEqual([])
  })

  it('matches the source: Börde as its article names them, the cities inside their districts', () => {
    expect([...DISTRICT_NEIGHBOURS.boerde!].sort()).toEqual(['altmarkkreis-salzwedel', 'harz', 'jerichower-land', 'magdeburg', 'salzlandkreis', 'stendal'])
    expect(DISTRICT_NEIGHBOURS.halle).toEqual(['saalekreis'])
    expect([...DISTRICT_NEIGHBOURS['dessau-rosslau']!].sort()).toEqual(['anhalt-bitterfeld', 'wittenberg'])
    expect([...DISTRICT_NEIGHBOURS.magdeburg!].sort()).toEqual(['boerde', 'jerichower-land', 'salzlandkreis'])
  })
})
