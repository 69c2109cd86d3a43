import { pickText } from '../i18n/localized.ts'
import type { LocalizedText } from '../shared/localized-text.ts'
import glossary from './glossary.json'

/**
 * Official words (Bescheid, Frist, Widerspruch …) explained in plain language. The list ships with the
 * app (so a tap on a word works offline); guide texts link a word as `[label](glossary:<id>)`.
 */
export interface GlossaryEntry {
  id: string
  /** The German word as it stands in letters and on forms. */
  term: string
  explanation: LocalizedText
}

export interface GlossaryFile {
  /** When a person last checked the explanations against the sources. */
  checkedOn: string
  /** Languages a person has checked; the others are automatic translations. */
  reviewed: string[]
  sources: { url: string; label: string }[]
  terms: GlossaryEntry[]
}

export const GLOSSARY: GlossaryFile = glossary
const byId = new Map(GLOSSARY.terms.map((e) => [e.id, e]))

export const hasGlossaryTerm = (id: string): boolean => byId.has(id)

export interface TermExplanation {
  term: string
  text: string
  lang: string
  hint: 'only-german' | 'machine' | null
}

/** A word's explanation in the wanted language (German when missing), with the hint the phone shows. */
export function explainTerm(id: string, locale: string): TermExplanation | undefined {
  const entry = byId.get(id)
  if (!entry) return undefined
  const picked = pickText(entry.explanation, locale)
  const hint = picked.isFallback ? 'only-german' : GLOSSARY.reviewed.includes(picked.lang) ? null : 'machine'
  return { term: entry.term, text: picked.text, lang: picked.lang, hint }
}
