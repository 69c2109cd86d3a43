const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' }

/**
 * Letters, digits and single dashes only: safe as a file name everywhere. German letters are
 * written out as Germans do (`Mädchentreff Tangermünde` → `Maedchentreff-Tangermuende`), other
 * accents dropped (`Sprachcafé` → `Sprachcafe`), other scripts left out.
 */
export function asciiSlug(text: string, maxLength = 60): string {
  return text
    .replace(/[äöüÄÖÜß]/g, (c) => TRANSLITERATION[c] ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '')
}
