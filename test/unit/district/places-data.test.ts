import { describe, expect, it } from 'vitest'
import data from '../../../src/district/places.json'
import { DISTRICT_SLUGS } from '../../../src/shared/districts.ts'
import { findPlaces, type Place } from '../../../src/district/place-lookup.ts'
import { loadPlaces } from '../../../src/district/places.ts'
import { municipalitiesFromGv, plainName } from '../../../src/district/gv-places.ts'
import gvCsv from '../../../src/district/gv-isys/gv-isys-15.csv?raw'

const { municipalities, villages } = data

/** What people type instead of the letter: ä → ae, ß → ss, and the bare vowel. */
function asDigraphs(name: string): string {
  return name.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss')
}
function bare(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss')
}

describe('the place list', () => {
  it('names its source, licence and date, and says the villages are not checked against an official list', () => {
    expect(data.source.municipalities).toContain('GV-ISys')
    expect(data.source.municipalities).toContain('© Statistisches Bundesamt (Destatis)')
    expect(data.source.municipalities).toContain('dl-de/by-2-0')
    expect(data.source.villages).toContain('NOT checked')
    expect(data.source.compiled).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('has the municipalities the official directory extract gives (scripts/places-from-gv.ts), in its order', () => {
    expect(municipalities).toEqual(municipalitiesFromGv(gvCsv))
  })

  it('reads the directory rows as an independent parser does: 218 municipalities, figures that add up', () => {
    const rows = gvCsv.trim().split('\n').slice(1)
    expect(rows.every((r) => r.startsWith('40,') || r.startsWith('50,') || r.startsWith('60,'))).toBe(true)
    expect(rows.filter((r) => r.startsWith('60,'))).toHaveLength(218)
    expect(plainName('Wittenberg, Lutherstadt')).toBe('Lutherstadt Wittenberg')
    expect(plainName('Gardelegen, Hansestadt')).toBe('Gardelegen')
    expect(plainName('Seegebiet Mansfelder Land')).toBe('Seegebiet Mansfelder Land')
  })

  it('holds all 218 municipalities: 114 of them members of 18 Verbandsgemeinden, each in one of the 14 districts', () => {
    expect(municipalities).toHaveLength(218)
    expect(new Set(municipalities.map((m) => m.name)).size).toBe(218)
    const members = municipalities.filter((m) => 'association' in m)
    expect(members).toHaveLength(114)
    expect(new Set(members.map((m) => (m as { association: string }).association)).size).toBe(18)
    expect(municipalities.filter((m) => !DISTRICT_SLUGS.includes(m.district))).toEqual([])
    expect(new Set(municipalities.map((m) => m.district)).size).toBe(14)
  })

  it('holds at least 80 villages, each in a listed municipality of the same district', () => {
    expect(villages.length).toBeGreaterThanOrEqual(80)
    const districtOf = new Map(municipalities.map((m) => [m.name, m.district]))
    expect(villages.filter((v) => districtOf.get(v.municipality) !== v.district)).toEqual([])
  })

  it('names three biggest towns for each district from its own municipalities', () => {
    const districtOf = new Map(municipalities.map((m) => [m.name, m.district]))
    for (const slug of DISTRICT_SLUGS) {
      const towns = (data.biggestTowns as Record<string, string[]>)[slug]
      expect(towns?.length, slug).toBeGreaterThanOrEqual(1)
      expect(towns!.filter((t) => districtOf.get(t) !== slug), slug).toEqual([])
    }
  })

  it('the issue’s villages are in it', () => {
    const names = new Set([...municipalities, ...villages].map((p) => p.name))
    for (const n of ['Letzlingen', 'Mieste', 'Schierke', 'Hasselfelde', 'Stolberg (Harz)', 'Loburg', 'Kamern', 'Goldbeck', 'Apenburg-Winterfeld', 'Jübar', 'Dähre'])
      expect(names, n).toContain(n)
  })
})

// The must-show table: every municipality and every village, as written, as typed with ae/oe/ue/ss and
// with bare vowels, finds itself and its district.
const table: Array<[string, Place]> = [...municipalities, ...villages].flatMap((p) =>
  [...new Set([p.name, asDigraphs(p.name), bare(p.name)])].map((typed): [string, Place] => [typed, p]),
)

describe('finding every place of the state', async () => {
  const { places } = await loadPlaces()

  it('has a table of more than 300 names', () => {
    expect(new Set(table.map(([, p]) => `${p.name}|${p.district}`)).size).toBeGreaterThanOrEqual(300)
  })

  it.each(table)('"%s" finds %j', (typed, place) => {
    expect(findPlaces(typed, places)).toContainEqual(place)
  })

  it.each([
    ['Tangerhuette', 'Tangerhütte', 'stendal'],
    ['Koethen', 'Köthen (Anhalt)', 'anhalt-bitterfeld'],
    ['Kloetze', 'Klötze', 'altmarkkreis-salzwedel'],
    ['Gardeleben', 'Gardelegen', 'altmarkkreis-salzwedel'],
    ['Wernigerde', 'Wernigerode', 'harz'],
    ['Hasselfeld', 'Hasselfelde', 'harz'],
    ['Quedlinbrug', 'Quedlinburg', 'harz'],
    ['Sangerhasen', 'Sangerhausen', 'mansfeld-suedharz'],
    ['Bitterfeld Wolfen', 'Bitterfeld-Wolfen', 'anhalt-bitterfeld'],
    ['Stasfurt', 'Staßfurt', 'salzlandkreis'],
    ['Weissenfels', 'Weißenfels', 'burgenlandkreis'],
    ['Wittenberg', 'Lutherstadt Wittenberg', 'wittenberg'],
    ['Eisleben', 'Lutherstadt Eisleben', 'mansfeld-suedharz'],
    // Cyrillic (Ukrainian, Russian) and Arabic spellings
    ['Магдебург', 'Magdeburg', 'magdeburg'],
    ['Галле', 'Halle (Saale)', 'halle'],
    ['Стендаль', 'Stendal', 'stendal'],
    ['Кетен', 'Köthen (Anhalt)', 'anhalt-bitterfeld'],
    ['Кётен', 'Köthen (Anhalt)', 'anhalt-bitterfeld'],
    ['Вернігероде', 'Wernigerode', 'harz'],
    ['Гарделеген', 'Gardelegen', 'altmarkkreis-salzwedel'],
    ['Зальцведель', 'Salzwedel', 'altmarkkreis-salzwedel'],
    ['Дессау', 'Dessau-Roßlau', 'dessau-rosslau'],
    ['Гальберштадт', 'Halberstadt', 'harz'],
    ['Кведлінбург', 'Quedlinburg', 'harz'],
    ['Наумбург', 'Naumburg (Saale)', 'burgenlandkreis'],
    ['Шенебек', 'Schönebeck (Elbe)', 'salzlandkreis'],
    ['Бернбург', 'Bernburg (Saale)', 'salzlandkreis'],
    ['ماغدبورغ', 'Magdeburg', 'magdeburg'],
    ['هاله', 'Halle (Saale)', 'halle'],
    ['شتندال', 'Stendal', 'stendal'],
    ['كوتن', 'Köthen (Anhalt)', 'anhalt-bitterfeld'],
    ['فيرنيغيروده', 'Wernigerode', 'harz'],
    ['ديساو', 'Dessau-Roßlau', 'dessau-rosslau'],
    ['هالبرشتات', 'Halberstadt', 'harz'],
    ['زالتسفيدل', 'Salzwedel', 'altmarkkreis-salzwedel'],
    ['غاردليغن', 'Gardelegen', 'altmarkkreis-salzwedel'],
    ['ناومبورغ', 'Naumburg (Saale)', 'burgenlandkreis'],
    ['برنبورغ', 'Bernburg (Saale)', 'salzlandkreis'],
  ])('"%s" finds %s (%s)', (typed, name, district) => {
    expect(findPlaces(typed, places).map((p) => `${p.name}|${p.district}`)).toContain(`${name}|${district}`)
  })

  it('puts the name closest letter by letter first among names with the same consonants', () => {
    expect(findPlaces('هاله', places)[0]).toEqual({ name: 'Halle (Saale)', district: 'halle' })
    expect(findPlaces('Кетен', places)[0]).toEqual({ name: 'Köthen (Anhalt)', district: 'anhalt-bitterfeld' })
  })

  it('finds nothing for a place elsewhere, so the page offers the districts instead', () => {
    expect(findPlaces('Hamburg', places)).toEqual([])
    expect(findPlaces('Мюнхен', places)).toEqual([])
    expect(findPlaces('برلين', places)).toEqual([])
  })
})
