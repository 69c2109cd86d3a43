import MiniSearch, { type Query } from 'minisearch'
import { SOURCE_LOCALE } from '../i18n/locales.ts'
import type { SearchDoc, SearchKind } from './search-docs.ts'
import { termsFor, type Stemmer } from './word-stems.ts'

export interface SearchHit {
  kind: SearchKind
  id: string
  score: number
}

/** The chosen language with its stemmer, and German's (always searched alongside). */
export interface SearchLanguage {
  locale: string
  stem: Stemmer
  germanStem: Stemmer
}

export interface SearchIndex {
  mini: MiniSearch<SearchDoc>
  language: SearchLanguage
}

const MAX_PER_KIND = 20
const LOCAL_FIELDS = ['title', 'text']
const GERMAN_FIELDS = ['titleDe', 'textDe', 'extra']
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

function localTerms(language: SearchLanguage): (word: string) => string[] | null {
  return (word) => nonEmpty(termsFor(word, language.locale, language.stem))
}

// In the index, every German term also by its word ends (compounds); a query word is matched whole.
function germanTerms(language: SearchLanguage, withEnds: boolean): (word: string) => string[] | null {
  return (word) => {
    const terms = termsFor(word, SOURCE_LOCALE, language.germanStem)
    return nonEmpty(withEnds ? [...new Set(terms.flatMap(withWordEnds))] : terms)
  }
}

function nonEmpty(terms: string[]): string[] | null {
  return terms.length > 0 ? terms : null
}

/**
 * Builds the index on the phone from what IndexedDB holds; a few hundred documents take milliseconds.
 * The chosen language's fields are stemmed with its stemmer, the German ones with German's and split into
 * word ends (compounds); a query word is looked up in each with the same treatment (`searchIndex`).
 */
export function buildSearchIndex(docs: readonly SearchDoc[], language: SearchLanguage): SearchIndex {
  const local = localTerms(language)
  const german = germanTerms(language, true)
  const mini = new MiniSearch<SearchDoc>({
    idField: 'key',
    fields: [...LOCAL_FIELDS, ...GERMAN_FIELDS],
    storeFields: ['kind', 'id'],
    processTerm: (term, field) => (field && GERMAN_FIELDS.includes(field) ? german(term) : local(term)),
    searchOptions: {
      boost: { title: 3, titleDe: 2.5, text: 1, textDe: 0.8, extra: 1 },
      // Prefix: results from the first keystrokes. Fuzzy from four letters: "Anmldung" finds Anmeldung.
      prefix: true,
      fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
    },
  })
  mini.addAll(docs as SearchDoc[])
  return { mini, language }
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[]

/**
 * Each word of the query, matched in the chosen language's fields as that language and in the German ones as
 * German; a word's forms (stem, whole word) are alternatives.
 */
function queryFor(index: SearchIndex, query: string, combineWith: 'AND' | 'OR'): Query {
  const local = localTerms(index.language)
  const german = germanTerms(index.language, false)
  const words = tokenize(query).filter((w) => w.trim())
  return {
    combineWith,
    queries: words.map((word) => ({
      combineWith: 'OR',
      queries: [
        { queries: [word], fields: LOCAL_FIELDS, processTerm: local },
        { queries: [word], fields: GERMAN_FIELDS, processTerm: german },
      ],
    })),
  }
}

/** Best matches first; all words must match, and if nothing does, any word may. */
export function searchIndex(index: SearchIndex, query: string): SearchHit[] {
  if (!query.trim()) return []
  let results = index.mini.search(queryFor(index, query, 'AND'))
  if (results.length === 0) results = index.mini.search(queryFor(index, query, 'OR'))
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
