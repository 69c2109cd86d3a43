import { describe, expect, it } from 'vitest'
import { findPlaces, placeSkeleton, foldPlace } from '../../../src/district/place-lookup.ts'
import { toLatin } from '../../../src/district/transliterate.ts'

const TOWNS = [
  { name: 'Tangerhütte', district: 'stendal' },
  { name: 'Tangermünde', district: 'stendal' },
  { name: 'Blankenburg (Harz)', district: 'harz' },
  { name: 'Quedlinburg', district: 'harz' },
  { name: 'Salzwedel', district: 'altmarkkreis-salzwedel' },
  { name: 'Naumburg (Saale)', district: 'burgenlandkreis' },
  { name: 'Bad Dürrenberg', district: 'saalekreis' },
  { name: 'Letzlingen', district: 'altmarkkreis-salzwedel', municipality: 'Gardelegen' },
]

describe('finding a place in a short list', () => {
  it('finds a town typed without its umlaut or with ue for ü, and its district', () => {
    expect(findPlaces('Tangerhutte', TOWNS)).toEqual([{ name: 'Tangerhütte', district: 'stendal' }])
    expect(findPlaces('Tangerhuette', TOWNS)).toEqual([{ name: 'Tangerhütte', district: 'stendal' }])
  })

  it('matches from the first letters, towns and districts alike', () => {
    expect(findPlaces('tanger', TOWNS).map((p) => p.name)).toEqual(['Tangerhütte', 'Tangermünde'])
    expect(findPlaces('Salzw', TOWNS)[0]).toEqual({ name: 'Salzwedel', district: 'altmarkkreis-salzwedel' })
    expect(findPlaces('Salzw', TOWNS)).toContainEqual({ name: 'Altmarkkreis Salzwedel', district: 'altmarkkreis-salzwedel' })
  })

  it('matches a later word of the name, and ß written as ss', () => {
    expect(findPlaces('durrenb', TOWNS)).toEqual([{ name: 'Bad Dürrenberg', district: 'saalekreis' }])
    expect(findPlaces('dessau-rossl', TOWNS)).toEqual([{ name: 'Dessau-Roßlau', district: 'dessau-rosslau' }])
  })

  it('names the municipality of a village', () => {
    expect(findPlaces('Letzl', TOWNS)).toEqual([{ name: 'Letzlingen', district: 'altmarkkreis-salzwedel', municipality: 'Gardelegen' }])
  })

  it('forgives a wrong letter, but puts exact beginnings first', () => {
    expect(findPlaces('Quedlinbrug', TOWNS)[0]?.name).toBe('Quedlinburg')
    expect(findPlaces('Tangermunde', TOWNS)[0]?.name).toBe('Tangermünde')
  })

  it('returns nothing for an empty or unknown name', () => {
    expect(findPlaces('  ', TOWNS)).toEqual([])
    expect(findPlaces('Berlin', TOWNS)).toEqual([])
    expect(findPlaces('Берлін', TOWNS)).toEqual([])
  })
})

describe('folding and sounds', () => {
  it('reads ae, oe, ue as the umlaut and qu as kw', () => {
    expect(foldPlace('Köthen (Anhalt)')).toBe(foldPlace('Koethen (Anhalt)'))
    expect(foldPlace('Zerbst/Anhalt')).toBe('zerbst anhalt')
    expect(foldPlace('Quedlinburg')).toBe('kwedlinburg')
  })

  it('gives the same consonants for a German name and its Arabic or Cyrillic spelling', () => {
    expect(placeSkeleton(foldPlace('Wernigerode'))).toBe(placeSkeleton(foldPlace(toLatin('فيرنيغيروده'))))
    expect(placeSkeleton(foldPlace('Magdeburg'))).toBe(placeSkeleton(foldPlace(toLatin('Магдебург'))))
    expect(placeSkeleton(foldPlace('Stendal'))).toBe(placeSkeleton(foldPlace(toLatin('شتندال'))))
  })
})
