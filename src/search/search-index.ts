import MiniSearch from 'minisearch'
import { foldText } from '../shared/fold-text.ts'
import type { SearchDoc, SearchKind } from './search-docs.ts'

export interface SearchHit {
  kind: SearchKind
  id: string
  score: number
}

export type SearchIndex = MiniSearch<SearchDoc>

const MAX_PER_KIND = 20
const GERMAN_FIELDS = new Set(['titleDe', 'textDe', 'extra'])
const MIN_PART = 5

/**
 * A German word and its endings from five letters on, so a part of a compound word matches as a word
 * of its own: "behorde" finds Ausländerbehörde, "amt" is too short to flood the results.
 */
export function withWordEnds(word: string): string[] {
  const terms = [word]
  for (let i = 1; word.length - i >= MIN_PART; i++) terms.push(word.slice(i))
  return terms
}

/** Builds the index on the phone from what IndexedDB holds; a few hundred documents take milliseconds. */
export function buildSearchIndex(docs: readonly SearchDoc[]): SearchIndex {
  const index = new MiniSearch<SearchDoc>({
    idField: 'key',
    fields: ['title', 'text', 'titleDe', 'textDe', 'extra'],
    storeFields: ['kind', 'id'],
    processTerm: (term, field) => {
      const folded = foldText(term)
      if (!folded) return null
      return field && GERMAN_FIELDS.has(field) ? withWordEnds(folded) : folded
    },
    searchOptions: {
      boost: { title: 3, titleDe: 2.5, text: 1, textDe: 0.8, extra: 1 },
      // Prefix: results from the first keystrokes. Fuzzy from four letters: "Anmldung" finds Anmeldung.
      prefix: true,
      fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
    },
  })
  index.addAll(docs as SearchDoc[])
  return index
}

/** Best matches first; all words must match, and if nothing does, any word may. */
export function searchIndex(index: SearchIndex, query: string): SearchHit[] {
  if (!query.trim()) return []
  let results = index.search(query, { combineWith: 'AND' })
  if (results.length === 0) results = index.search(query, { combineWith: 'OR' })
  return results.map((r) => ({ kind: r.kind as SearchKind, id: r.id as string, score: r.score }))
}

export interface HitGroup {
  kind: SearchKind
  hits: SearchHit[]
}

/** Hits grouped by kind (steps, contacts, meetups), each group in score order; empty groups left out. */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  return (['step', 'contact', 'meetup'] as const)
    .map((kind) => ({ kind, hits: hits.filter((h) => h.kind === kind).slice(0, MAX_PER_KIND) }))
    .filter((g) => g.hits.length > 0)
}
