/**
 * Cyrillic (Ukrainian, Russian) and Arabic letters written with Latin ones the way German names are
 * spelled, so "Кетен" or "كوتن" can be compared with "Köthen". Only for matching: the result is never shown.
 * Ukrainian and Russian write both German G and H with г; Arabic writes German G with غ (or ج) and leaves
 * short vowels out — the place lookup compares consonant skeletons for that reason (`placeSkeleton`).
 */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'w', г: 'g', ґ: 'g', д: 'd', е: 'e', є: 'je', ж: 'sch', з: 's', и: 'i', і: 'i', ї: 'ji', й: 'j',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'tsch',
  ш: 'sch', щ: 'schtsch', ь: '', ъ: '', ы: 'y', э: 'e', ю: 'ju', я: 'ja', ё: 'jo',
}

const ARABIC: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ء: '', ؤ: 'u', ئ: 'i', ب: 'b', ت: 't', ث: 's', ج: 'g', ح: 'h', خ: 'ch', د: 'd',
  ذ: 's', ر: 'r', ز: 's', س: 's', ش: 'sch', ص: 's', ض: 'd', ط: 't', ظ: 's', ع: '', غ: 'g', ف: 'f', ڤ: 'w', ق: 'k',
  ك: 'k', ک: 'k', گ: 'g', ل: 'l', م: 'm', ن: 'n', ه: 'h', ة: 'e', و: 'u', ي: 'i', ی: 'i', ى: 'a', پ: 'p', چ: 'tsch',
}

/** True when the text holds Cyrillic or Arabic letters. */
export function isNonLatin(text: string): boolean {
  return /[\u0400-\u04ff\u0600-\u06ff]/.test(text)
}

export function toLatin(text: string): string {
  return [...text.toLowerCase()]
    .map((c, i, all) => {
      // A final ه is a vowel ending ("هاله" Halle), as German names end in -e.
      if (c === 'ه' && !/[\u0600-\u06ff]/.test(all[i + 1] ?? '')) return 'e'
      return CYRILLIC[c] ?? ARABIC[c] ?? c
    })
    .join('')
}
