/** The 14 districts of Saxony-Anhalt: 11 Landkreise and 3 kreisfreie Städte. Slugs are stable ids. */
export interface District {
  slug: string
  name: string
  kind: 'landkreis' | 'city'
}

export const DISTRICTS: readonly District[] = [
  { slug: 'altmarkkreis-salzwedel', name: 'Altmarkkreis Salzwedel', kind: 'landkreis' },
  { slug: 'anhalt-bitterfeld', name: 'Anhalt-Bitterfeld', kind: 'landkreis' },
  { slug: 'boerde', name: 'Börde', kind: 'landkreis' },
  { slug: 'burgenlandkreis', name: 'Burgenlandkreis', kind: 'landkreis' },
  { slug: 'harz', name: 'Harz', kind: 'landkreis' },
  { slug: 'jerichower-land', name: 'Jerichower Land', kind: 'landkreis' },
  { slug: 'mansfeld-suedharz', name: 'Mansfeld-Südharz', kind: 'landkreis' },
  { slug: 'saalekreis', name: 'Saalekreis', kind: 'landkreis' },
  { slug: 'salzlandkreis', name: 'Salzlandkreis', kind: 'landkreis' },
  { slug: 'stendal', name: 'Stendal', kind: 'landkreis' },
  { slug: 'wittenberg', name: 'Wittenberg', kind: 'landkreis' },
  { slug: 'dessau-rosslau', name: 'Dessau-Roßlau', kind: 'city' },
  { slug: 'halle', name: 'Halle (Saale)', kind: 'city' },
  { slug: 'magdeburg', name: 'Magdeburg', kind: 'city' },
]

export const DISTRICT_SLUGS = DISTRICTS.map((d) => d.slug)

export function districtBySlug(slug: string): District | undefined {
  return DISTRICTS.find((d) => d.slug === slug)
}

/**
 * Districts sharing a border inside Saxony-Anhalt (both directions listed; borders with other states
 * left out): "also keep the neighbouring districts" widens the sync scope by these. Source: the
 * "Nachbarkreise" of each district's article in the German Wikipedia (e.g. "Landkreis Börde":
 * Altmarkkreis Salzwedel, Stendal, Magdeburg, Jerichower Land, Salzlandkreis, Harz), as of 2026,
 * i.e. the districts since the reform of 1 July 2007. test/unit/shared/districts.test.ts checks symmetry.
 */
export const DISTRICT_NEIGHBOURS: Readonly<Record<string, readonly string[]>> = {
  'altmarkkreis-salzwedel': ['stendal', 'boerde'],
  'anhalt-bitterfeld': ['jerichower-land', 'salzlandkreis', 'saalekreis', 'wittenberg', 'dessau-rosslau'],
  boerde: ['altmarkkreis-salzwedel', 'stendal', 'jerichower-land', 'magdeburg', 'salzlandkreis', 'harz'],
  burgenlandkreis: ['saalekreis'],
  harz: ['boerde', 'salzlandkreis', 'mansfeld-suedharz'],
  'jerichower-land': ['stendal', 'boerde', 'magdeburg', 'salzlandkreis', 'anhalt-bitterfeld'],
  'mansfeld-suedharz': ['harz', 'salzlandkreis', 'saalekreis'],
  saalekreis: ['salzlandkreis', 'anhalt-bitterfeld', 'halle', 'mansfeld-suedharz', 'burgenlandkreis'],
  salzlandkreis: ['boerde', 'magdeburg', 'jerichower-land', 'anhalt-bitterfeld', 'saalekreis', 'mansfeld-suedharz', 'harz'],
  stendal: ['altmarkkreis-salzwedel', 'boerde', 'jerichower-land'],
  wittenberg: ['anhalt-bitterfeld', 'dessau-rosslau'],
  'dessau-rosslau': ['anhalt-bitterfeld', 'wittenberg'],
  halle: ['saalekreis'],
  magdeburg: ['boerde', 'jerichower-land', 'salzlandkreis'],
}
