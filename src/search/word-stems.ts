import { foldText } from '../shared/fold-text.ts'

/** Reduces a word to its stem, so "садка" and "садку" meet at "садк", "الطوارئ" and "طوارئ" at one form. */
export type Stemmer = (word: string) => string

const identity: Stemmer = (word) => word

/**
 * Snowball stemmers (@orama/stemmers, one small file each) for the languages that have one; loaded with the
 * search view only for the chosen language and German. Languages without one here are matched by folding,
 * prefixes and typo tolerance alone: Vietnamese does not inflect; Bulgarian's (@orama/stemmers 3.1.18) throws on
 * many words (it assigns to a character of a string); for the others no maintained stemmer exists in a form a
 * phone can load (say so when you add one).
 */
const SNOWBALL: Record<string, () => Promise<{ stemmer: Stemmer }>> = {
  de: () => import('@orama/stemmers/german'),
  en: () => import('@orama/stemmers/english'),
  uk: () => import('@orama/stemmers/ukrainian'),
  ru: () => import('@orama/stemmers/russian'),
  ar: () => import('@orama/stemmers/arabic'),
  ro: () => import('@orama/stemmers/romanian'),
  tr: () => import('@orama/stemmers/turkish'),
  es: () => import('@orama/stemmers/spanish'),
  fr: () => import('@orama/stemmers/french'),
}

/** The language's stemmer; none (words matched as typed) when it has none or its file cannot be loaded. */
export async function loadStemmer(locale: string): Promise<Stemmer> {
  const load = SNOWBALL[locale]
  if (!load) return identity
  try {
    const { stemmer } = await load()
    // A stemmer that fails on a word must not take the search down with it: that word is matched as typed.
    return (word) => {
      try {
        return stemmer(word)
      } catch {
        return word
      }
    }
  } catch {
    return identity // not cached on this phone and offline: search still works, without stemming
  }
}

// Short vowels and other marks (tashkeel), the superscript alef and the tatweel; and the zero-width non-joiner
// that Persian and Pashto write inside words.
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640\u200C]/g
// Persian and Kurdish letter forms written for the Arabic ones in everyday typing, and the other way round.
const ARABIC_SCRIPT_LETTERS: Record<string, string> = { ی: 'ي', ى: 'ي', ک: 'ك', ە: 'ه', ة: 'ه', ۀ: 'ه' }
// "and/so/with/like" joined to the article: "والطوارئ" is "و" + "الطوارئ".
const ARABIC_JOINED_ARTICLE = /^(?:[وف]?(?:ب|ك|ل)?ال|[وف]?لل)(?=..)/

/** The spelling of a word as typed, made comparable before stemming (scripts whose everyday spellings vary). */
export function normaliseWord(word: string, locale: string): string {
  const lower = word.toLowerCase()
  if (!/[\u0600-\u06FF]/.test(lower)) return lower
  const letters = lower.replace(ARABIC_MARKS, '').replace(/[یىکەةۀ]/g, (c) => ARABIC_SCRIPT_LETTERS[c] ?? c)
  return locale === 'ar' ? letters.replace(ARABIC_JOINED_ARTICLE, '') : letters
}

/**
 * The index and the query go through this: normalise, stem, then fold (umlauts, accents, hamza forms). The word
 * without stemming comes along: a typo can change what a stemmer cuts ("Anmldung" keeps its "-ung"), and the
 * typo tolerance then needs the whole word to compare with.
 */
export function termsFor(word: string, locale: string, stem: Stemmer): string[] {
  const normal = normaliseWord(word, locale)
  const stemmed = foldText(stem(normal))
  const whole = foldText(normal)
  if (!whole) return []
  return stemmed === whole || !stemmed ? [whole] : [stemmed, whole]
}
