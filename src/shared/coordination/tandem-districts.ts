/**
 * Which districts of Saxony-Anhalt share a border, for "can they reach each other" in the tandem
 * ranking (there are no coordinates of the people, only their district and perhaps a town).
 * Borders with other federal states do not matter here. Kept symmetric by construction.
 */
const BORDERS: ReadonlyArray<readonly [string, string]> = [
  ['altmarkkreis-salzwedel', 'stendal'],
  ['altmarkkreis-salzwedel', 'boerde'],
  ['stendal', 'boerde'],
  ['stendal', 'jerichower-land'],
  ['boerde', 'jerichower-land'],
  ['boerde', 'magdeburg'],
  ['boerde', 'salzlandkreis'],
  ['boerde', 'harz'],
  ['magdeburg', 'jerichower-land'],
  ['magdeburg', 'salzlandkreis'],
  ['jerichower-land', 'salzlandkreis'],
  ['jerichower-land', 'anhalt-bitterfeld'],
  ['harz', 'salzlandkreis'],
  ['harz', 'mansfeld-suedharz'],
  ['salzlandkreis', 'anhalt-bitterfeld'],
  ['salzlandkreis', 'saalekreis'],
  ['salzlandkreis', 'mansfeld-suedharz'],
  ['anhalt-bitterfeld', 'dessau-rosslau'],
  ['anhalt-bitterfeld', 'wittenberg'],
  ['anhalt-bitterfeld', 'saalekreis'],
  ['dessau-rosslau', 'wittenberg'],
  ['saalekreis', 'halle'],
  ['saalekreis', 'mansfeld-suedharz'],
  ['saalekreis', 'burgenlandkreis'],
  ['mansfeld-suedharz', 'burgenlandkreis'],
]

const NEIGHBOURS = new Map<string, Set<string>>()
for (const [a, b] of BORDERS) {
  NEIGHBOURS.set(a, (NEIGHBOURS.get(a) ?? new Set()).add(b))
  NEIGHBOURS.set(b, (NEIGHBOURS.get(b) ?? new Set()).add(a))
}

export function neighboursOf(district: string): ReadonlySet<string> {
  return NEIGHBOURS.get(district) ?? new Set()
}

/** How many district borders lie between two districts: 0 for the same, 1 for neighbours; Infinity if unknown. */
export function districtSteps(from: string, to: string): number {
  if (from === to) return 0
  const seen = new Set([from])
  let frontier = [from]
  for (let steps = 1; frontier.length > 0; steps++) {
    const next: string[] = []
    for (const d of frontier) {
      for (const n of neighboursOf(d)) {
        if (n === to) return steps
        if (!seen.has(n)) {
          seen.add(n)
          next.push(n)
        }
      }
    }
    frontier = next
  }
  return Infinity
}
