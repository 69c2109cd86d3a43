import { createI18n } from 'vue-i18n'
import { LOCALES, SOURCE_LOCALE, localeInfo, pluralRule } from './locales.ts'
import { keepLanguageOffline } from './offline-language.ts'
import { loadLanguageFont } from './language-fonts.ts'
import { pointManifestAt } from '../pwa/manifest-path.ts'
import { partOfKey, type TextsPart } from './text-parts.ts'

type Messages = Record<string, unknown>
type Loaders = Record<string, () => Promise<{ default: Messages }>>

// Every language is lazy, German too: a phone in Arabic does not download the German texts before its first
// screen (every newcomer language is complete, test/unit/i18n/locale-files.test.ts). German stays the
// fallback: a text missing in a language loads it. Each language comes in two parts (./text-parts.ts): the
// start screen and the guide wait only for the first. Messages are precompiled at build time (no eval, so the
// strict CSP holds).
const loaders: Record<TextsPart, Loaders> = {
  start: import.meta.glob<{ default: Messages }>('../../locales/*.json', { query: { part: 'start' } }),
  later: import.meta.glob<{ default: Messages }>('../../locales/*.json', { query: { part: 'later' } }),
}
const loading = new Map<string, Promise<void>>()

export const i18n = createI18n({
  legacy: false,
  locale: SOURCE_LOCALE,
  fallbackLocale: SOURCE_LOCALE,
  messages: {},
  missingWarn: false,
  fallbackWarn: false,
  // Shown as soon as it has come: the part of this language that holds the text, or else German's. (Asked
  // again for German, the fallback, in the same lookup: that waits for the first answer.)
  missing: (locale, key) => {
    if (locale !== i18n.global.locale.value) return
    const part = partOfKey(key)
    void ensureMessages(locale, part)
      .then(() => (i18n.global.te(key, locale) ? undefined : ensureMessages(SOURCE_LOCALE, part)))
      .catch(() => undefined)
  },
  pluralRules: Object.fromEntries(LOCALES.map((l) => [l.code, pluralRule(l.code)])),
})

/** Loads one part of a language's interface texts once; asked again, it waits for the same download. */
function ensureMessages(code: string, part: TextsPart): Promise<void> {
  const key = `${code} ${part}`
  let done = loading.get(key)
  if (!done) {
    const load = loaders[part][`../../locales/${code}.json`]
    if (!load) return Promise.reject(new Error(`No messages for locale ${code}`))
    // Added to what the language has (the other part, the coordinator workspace's groups) as a new object: views
    // already showing this language notice it only so (vue-i18n's merge changes the object in place, unseen).
    done = load().then((messages) => i18n.global.setLocaleMessage(code, { ...(i18n.global.getLocaleMessage(code) as Messages), ...messages.default } as never))
    done.catch(() => loading.delete(key)) // offline: the next call tries again
    loading.set(key, done)
  }
  return done
}

/** The whole of the current language's interface texts (a view beyond the start screen and the guide waits for them). */
export async function ensureWholeLanguage(): Promise<void> {
  const code = i18n.global.locale.value
  await Promise.all([ensureMessages(code, 'start'), ensureMessages(code, 'later')])
}

/**
 * Switches the interface language (loading its messages once) and sets `<html lang dir>`. `keepOffline: false`
 * shows a language without asking the service worker to keep it (the picker in the phone's language, before
 * the person has chosen).
 */
export async function applyLocale(code: string, { keepOffline = true } = {}): Promise<void> {
  const info = localeInfo(code)
  await ensureMessages(info.code, 'start')
  i18n.global.locale.value = info.code
  document.documentElement.lang = info.code
  document.documentElement.dir = info.dir
  if (keepOffline) keepLanguageOffline(info.code)
  void loadLanguageFont(info.code)
  pointManifestAt(info.code)
}
