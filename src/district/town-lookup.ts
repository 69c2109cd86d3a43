import { DISTRICTS } from '../shared/districts.ts'
import { foldText } from '../shared/fold-text.ts'

export interface TownLike {
  name: string
  district: string
}

export interface PlaceMatch {
  /** The town's name, or the district's own name when the district itself matched. */
  name: string
  district: string
}

/**
 * Towns and districts whose name starts with what was typed (then those containing it), umlauts
 * folded: "tangerhu" finds Tangerhütte (Stendal), "quedl" finds Quedlinburg (Harz).
 */
export function findPlaces(query: string, towns: readonly TownLike[], limit = 8): PlaceMatch[] {
  const q = foldText(query.trim())
  if (!q) return []
  const places: PlaceMatch[] = [...DISTRICTS.map((d) => ({ name: d.name, district: d.slug })), ...towns]
  const scored: Array<{ place: PlaceMatch; rank: number }> = []
  const seen = new Set<string>()
  for (const place of places) {
    const name = foldText(place.name)
    const words = name.split(/[\s-]+/)
    const rank = name.startsWith(q) ? 0 : words.some((w) => w.startsWith(q)) ? 1 : name.includes(q) ? 2 : -1
    const key = `${name}|${place.district}`
    if (rank < 0 || seen.has(key)) continue
    seen.add(key)
    scored.push({ place, rank })
  }
  scored.sort((a, b) => a.rank - b.rank || a.place.name.localeCompare(b.place.name, 'de'))
  return scored.slice(0, limit).map((s) => s.place)
}

/** The district of a town named exactly (umlauts folded), if known. */
export function districtOfTown(name: string, towns: readonly TownLike[]): string | undefined {
  const q = foldText(name.trim())
  return towns.find((t) => foldText(t.name) === q)?.district
}
