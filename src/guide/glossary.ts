import { shallowReactive } from 'vue'
import { SOURCE_LOCALE } from '../i18n/locales.ts'
import glossary from './glossary.json'

/**
 * Official words (Bescheid, Frist, Widerspruch …) explained in plain language. The words ship with the app
 * and each language's explanations are one small chunk (`./glossary/<code>.json`), loaded with the language
 * and kept offline with it, so a tap on a word works offline; guide texts link a word as `[label](glossary:<id>)`.
 */
export interface GlossaryEntry {
  id: string
  /** The German word as it stands in letters and on forms. */
  term: string
}

export interface GlossaryFile {
  /** When a person last checked the explanations against the sources. */
  checkedOn: string
  /** Languages a person has checked; the others are automatic translations. */
  reviewed: string[]
  sources: { url: string; label: string }[]
  terms: GlossaryEntry[]
}

type Explanations = Record<string, string>

export const GLOSSARY: GlossaryFile = glossary
const byId = new Map(GLOSSARY.terms.map((e) => [e.id, e]))
const loaders = import.meta.glob<{ default: Explanations }>('./glossary/*.json')
const loaded = shallowReactive(new Map<string, Explanations>())

export const hasGlossaryTerm = (id: string): boolean => byId.has(id)

/** Loads the explanations of a language and of German (the fallback); a language without a file has only German. */
export async function loadGlossary(locale: string): Promise<void> {
  const wanted = [...new Set([SOURCE_LOCALE, locale])].filter((code) => !loaded.has(code) && loaders[`./glossary/${code}.json`])
  const files = await Promise.all(wanted.map(async (code) => [code, (await loaders[`./glossary/${code}.json`]!()).default] as const))
  // Both at once: German first and the language a moment later would show the German explanations in between.
  for (const [code, explanations] of files) loaded.set(code, explanations)
}

export interface TermExplanation {
  term: string
  text: string
  lang: string
  hint: 'only-german' | 'machine' | null
}

/**
 * A word's explanation in the wanted language (German when missing), with the hint the phone shows;
 * undefined for an unknown word and until `loadGlossary` has loaded the language (and German).
 */
export function explainTerm(id: string, locale: string): TermExplanation | undefined {
  const entry = byId.get(id)
  if (!loaded.has(locale) && loaders[`./glossary/${locale}.json`]) return undefined // its own file is on the way
  const own = loaded.get(locale)?.[id]
  const text = own ?? loaded.get(SOURCE_LOCALE)?.[id]
  if (!entry || text === undefined) return undefined
  const lang = own === undefined ? SOURCE_LOCALE : locale
  const hint = lang !== locale ? 'only-german' : lang === SOURCE_LOCALE || GLOSSARY.reviewed.includes(lang) ? null : 'machine'
  return { term: entry.term, text, lang, hint }
}
