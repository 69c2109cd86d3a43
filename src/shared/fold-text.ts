const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i' }

/**
 * Text reduced for matching: lower case, accents and other marks removed (ä → a, é → e, Arabic
 * short vowels dropped), ß → ss. Both the index and the query go through it, so "Behorde" finds Behörde.
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßæœøłđı]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
}
