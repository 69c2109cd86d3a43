/** One language's texts of the guide: `texts/<code>.json` beside the steps file, by step id. */
export type GuideLanguageFile = Record<string, { title: string; text: string; bring: string[] }>

/**
 * Puts each language's texts (one file per language, so translators work on one file each) into the
 * steps; a step that already carries a language keeps it. Texts of an unknown step are ignored here and
 * reported by the translation check (scripts/translation-check.ts).
 */
export function mergeGuideTexts(steps: unknown, languages: Record<string, GuideLanguageFile>): unknown {
  if (!Array.isArray(steps)) return steps
  return steps.map((step: Record<string, unknown>) => {
    const id = step.id as string
    const title = { ...(step.title as object) } as Record<string, string>
    const text = { ...(step.text as object) } as Record<string, string>
    const bring = { ...(step.bring as object) } as Record<string, string[]>
    for (const [lang, file] of Object.entries(languages)) {
      const t = file[id]
      if (!t || lang in title) continue
      title[lang] = t.title
      text[lang] = t.text
      bring[lang] = t.bring
    }
    return { ...step, title, text, bring }
  })
}
