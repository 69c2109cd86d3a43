/**
 * Writes the municipalities of src/district/places.json from the official directory extract
 * (src/district/gv-isys/gv-isys-15.csv), keeping the villages and biggest towns, and checks that every
 * village and biggest town names a municipality of its district:
 *   node scripts/places-from-gv.ts
 * Prints what changed against the list it replaces (names, municipalities added or gone, association).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { municipalitiesFromGv, type Municipality } from '../src/district/gv-places.ts'

const CSV = new URL('../src/district/gv-isys/gv-isys-15.csv', import.meta.url)
const PLACES = new URL('../src/district/places.json', import.meta.url)

interface Village {
  name: string
  municipality: string
  district: string
}
interface PlacesFile {
  source: Record<string, string>
  municipalities: Municipality[]
  villages: Village[]
  biggestTowns: Record<string, string[]>
}

const old = JSON.parse(readFileSync(PLACES, 'utf8')) as PlacesFile
const municipalities = municipalitiesFromGv(readFileSync(CSV, 'utf8'))

const key = (m: { name: string; district: string }) => `${m.name}|${m.district}`
const now = new Map(municipalities.map((m) => [key(m), m]))
const before = new Map(old.municipalities.map((m) => [key(m), m]))
for (const m of old.municipalities) if (!now.has(key(m))) console.log(`only in the old list: ${m.name} (${m.district})`)
for (const m of municipalities) {
  const was = before.get(key(m))
  if (!was) console.log(`only in the directory: ${m.name} (${m.district})`)
  else if (was.association !== m.association) console.log(`association of ${m.name}: ${was.association ?? '–'} → ${m.association ?? '–'}`)
}

const problems = [
  ...old.villages.filter((v) => !now.has(key({ name: v.municipality, district: v.district }))).map((v) => `village ${v.name}: no municipality ${v.municipality} in ${v.district}`),
  ...Object.entries(old.biggestTowns).flatMap(([d, towns]) => towns.filter((t) => !now.has(key({ name: t, district: d }))).map((t) => `biggest town ${t} is no municipality of ${d}`)),
]
if (problems.length) {
  console.error(problems.join('\n'))
  process.exit(1)
}

// One place per line, as before, so a change shows as the lines it touches.
const inline = (value: object) =>
  Array.isArray(value) ? JSON.stringify(value).replace(/","/g, '", "') : `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`
const lines = (items: object[]) => items.map((i) => `    ${inline(i)}`).join(',\n')
const json = `{
  "source": {
${Object.entries(old.source).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}
  },
  "municipalities": [
${lines(municipalities)}
  ],
  "villages": [
${lines(old.villages)}
  ],
  "biggestTowns": {
${Object.entries(old.biggestTowns).map(([d, towns]) => `    ${JSON.stringify(d)}: ${inline(towns)}`).join(',\n')}
  }
}
`
writeFileSync(PLACES, json)
console.log(`places.json: ${municipalities.length} municipalities from the directory, ${old.villages.length} villages kept`)
