import { parse } from 'csv-parse/sync'

/**
 * The municipalities of Saxony-Anhalt from the official municipality directory (Destatis GV-ISys extract,
 * ./gv-isys/gv-isys-15.csv; see ./gv-isys/README.md): pure, so scripts/places-from-gv.ts writes places.json
 * with it and test/unit/district/places-data.test.ts checks that places.json is what it gives.
 */
export interface Municipality {
  name: string
  district: string
  /** The Verbandsgemeinde the municipality belongs to (absent for unitary municipalities). */
  association?: string
}

/** The directory's district key (Kreis, after Land 15 and Regierungsbezirk 0) to the app's district slug. */
export const DISTRICT_BY_GV_KEY: Readonly<Record<string, string>> = {
  '01': 'dessau-rosslau',
  '02': 'halle',
  '03': 'magdeburg',
  '81': 'altmarkkreis-salzwedel',
  '82': 'anhalt-bitterfeld',
  '83': 'boerde',
  '84': 'burgenlandkreis',
  '85': 'harz',
  '86': 'jerichower-land',
  '87': 'mansfeld-suedharz',
  '88': 'saalekreis',
  '89': 'salzlandkreis',
  '90': 'stendal',
  '91': 'wittenberg',
}

interface GvRow {
  satzart: string
  textkennzeichen: string
  land: string
  kreis: string
  vb: string
  gemeindename: string
}

/**
 * The name people use: the directory writes a designation after a comma ("Gardelegen, Hansestadt",
 * "Burg, Stadt"), which is a title and dropped; "Lutherstadt" is part of the name and goes in front
 * ("Wittenberg, Lutherstadt" → "Lutherstadt Wittenberg").
 */
export function plainName(gvName: string): string {
  const [name, designation] = gvName.split(/,\s*/) as [string, string | undefined]
  return designation === 'Lutherstadt' ? `Lutherstadt ${name}` : name
}

/**
 * Municipality rows (Satzart 60) with their district and, under a Verbandsgemeinde (Satzart 50 with
 * Textkennzeichen 53), its name. Rows of other states are refused: the file holds Saxony-Anhalt only.
 */
export function municipalitiesFromGv(csv: string): Municipality[] {
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as GvRow[]
  const associations = new Map<string, string>()
  const municipalities: Municipality[] = []
  for (const row of rows) {
    if (row.land !== '15') throw new Error(`not a Saxony-Anhalt row: ${row.land} ${row.gemeindename}`)
    const district = DISTRICT_BY_GV_KEY[row.kreis]
    if (!district) throw new Error(`unknown district key ${row.kreis} (${row.gemeindename})`)
    const vb = `${row.kreis}${row.vb}`
    if (row.satzart === '50' && row.textkennzeichen === '53') associations.set(vb, row.gemeindename)
    if (row.satzart !== '60') continue
    const association = associations.get(vb)
    municipalities.push({ name: plainName(row.gemeindename), district, ...(association && { association }) })
  }
  return municipalities
}
