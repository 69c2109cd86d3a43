import { DISTRICTS } from '../shared/districts.ts'
import { foldText } from '../shared/fold-text.ts'
import { isNonLatin, toLatin } from './transliterate.ts'

export interface Place {
  name: string
  district: string
  /** For a village (Ortsteil): the municipality it belongs to. */
  municipality?: string
}

/**
 * Text folded for comparing place names: lower case, no accents, ß → ss, and ae/oe/ue read as the umlaut
 * they stand for ("Koethen" = "Köthen"); brackets, slashes and hyphens become spaces.
 */
export function foldPlace(text: string): string {
  return foldText(text)
    .replace(/qu/g, 'kw')
    .replace(/([aou])e/g, '$1')
    .replace(/[()/\-.,]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * The consonants of a folded name in classes of sounds that other scripts write alike (g/k/h/ch, d/t,
 * b/p, w/v/f, s/z/ß; German z = ts), vowels dropped: what is left of a name written in Arabic without
 * short vowels, or in Cyrillic. "wernigerode" and "فيرنيغيروده" both give "frnkrt".
 */
export function placeSkeleton(folded: string): string {
  return folded
    .replace(/tsch/g, 'c')
    .replace(/sch|sh/g, 's')
    .replace(/ch|kh|gh|ck|q/g, 'k')
    .replace(/tz|z/g, 'ts')
    .replace(/ph|v|w/g, 'f')
    .replace(/th|dt|d/g, 't')
    .replace(/p/g, 'b')
    .replace(/[gh]/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/[^bcfklmnrst]/g, '')
    .replace(/(.)\1+/g, '$1')
}

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)))
    prev = row
  }
  return prev[b.length]!
}

interface Indexed {
  place: Place
  folded: string
  /** The name's words of three letters or more, and the whole name without its bracketed addition. */
  parts: string[]
  skeletons: string[]
}

const indexes = new WeakMap<readonly Place[], Indexed[]>()

function indexOf(places: readonly Place[]): Indexed[] {
  let index = indexes.get(places)
  if (!index) {
    const all: Place[] = [...DISTRICTS.map((d) => ({ name: d.name, district: d.slug })), ...places]
    index = all.map((place) => {
      const folded = foldPlace(place.name)
      const main = foldPlace(place.name.replace(/\(.*\)/, ''))
      const parts = [...new Set([main, ...folded.split(' ').filter((w) => w.length >= 3)])]
      return { place, folded, parts, skeletons: parts.map(placeSkeleton) }
    })
    indexes.set(places, index)
  }
  return index
}

/** How far a typed name may be from the real one: one letter from four letters on, two from eight. */
function allowedTypos(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0
}

/**
 * Places (districts, municipalities, villages) for what was typed, best first: names that start with it,
 * then a word that starts with it, names containing it, names one or two letters off ("Gardeleben"),
 * and names that sound alike — the way to find a name typed in Cyrillic or Arabic letters.
 */
export function findPlaces(query: string, places: readonly Place[], limit = 8): Place[] {
  const nonLatin = isNonLatin(query)
  const q = foldPlace(nonLatin ? toLatin(query) : query)
  if (!q) return []
  const qSkeleton = nonLatin ? placeSkeleton(q) : ''
  const scored: Array<{ place: Place; rank: number; distance: number }> = []
  const seen = new Set<string>()
  for (const entry of indexOf(places)) {
    let rank = -1
    let distance = 0
    if (!nonLatin && entry.folded.startsWith(q)) rank = 0
    else if (!nonLatin && entry.parts.some((w) => w.startsWith(q))) rank = 1
    else if (!nonLatin && q.length >= 3 && entry.folded.includes(q)) rank = 2
    else {
      // Latin letters: a typo; other scripts: the same consonants (vowels are left out or written otherwise),
      // and among those the name closest letter by letter first ("هاله" is Halle before Hakel).
      const letters = Math.min(...entry.parts.map((w) => editDistance(q, w)))
      const d = nonLatin ? Math.min(...entry.skeletons.map((s) => editDistance(qSkeleton, s))) : letters
      const allowed = nonLatin ? (qSkeleton.length >= 5 ? 1 : qSkeleton.length >= 2 ? 0 : -1) : allowedTypos(q.length)
      if (d <= allowed) [rank, distance] = [3, nonLatin ? d * 100 + letters : d]
    }
    const key = `${entry.folded}|${entry.place.district}|${entry.place.municipality ?? ''}`
    if (rank < 0 || seen.has(key)) continue
    seen.add(key)
    scored.push({ place: entry.place, rank, distance })
  }
  scored.sort((a, b) => a.rank - b.rank || a.distance - b.distance || a.place.name.localeCompare(b.place.name, 'de'))
  return scored.slice(0, limit).map((s) => s.place)
}
