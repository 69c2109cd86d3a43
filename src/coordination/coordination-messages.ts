import { i18n } from '../i18n/i18n.ts'
import { SOURCE_LOCALE } from '../i18n/locales.ts'

type Messages = Record<string, unknown>

// The workspace's texts live in locales/coordination/<feature>.<lang>.json and load only when a
// coordinator opens /coordination, so they never weigh on a newcomer's phone.
const files = import.meta.glob<{ default: Messages }>('../../locales/coordination/*.json')
const loaded = new Set<string>()

/** Merges the workspace's messages for a language (and German, the fallback) into vue-i18n. */
export async function loadCoordinationMessages(locale: string): Promise<void> {
  for (const code of new Set([SOURCE_LOCALE, locale])) {
    if (loaded.has(code)) continue
    const mine = Object.entries(files).filter(([path]) => path.endsWith(`.${code}.json`))
    const parts = await Promise.all(mine.map(([, load]) => load()))
    for (const part of parts) i18n.global.mergeLocaleMessage(code, part.default as never)
    loaded.add(code)
  }
}
