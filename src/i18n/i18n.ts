import { createI18n } from 'vue-i18n'
import { LOCALES, SOURCE_LOCALE, localeInfo, pluralRule } from './locales.ts'
import { keepLanguageOffline } from './offline-language.ts'
import { loadLanguageFont } from './language-fonts.ts'
import { pointManifestAt } from '../pwa/manifest-path.ts'

type Messages = Record<string, unknown>

// Every language is one lazy chunk, German too: a phone in Arabic does not download the German texts before
// its first screen (every newcomer language is complete, test/unit/i18n/locale-files.test.ts). German stays
// the fallback: a text missing in a language loads it. Messages are precompiled at build time (no eval, so
// the strict CSP holds).
const loaders = import.meta.glob<{ default: Messages }>('../../locales/*.json')
const loading = new Map<string, Promise<void>>()

export const i18n = createI18n({
  legacy: false,
  locale: SOURCE_LOCALE,
  fallbackLocale: SOURCE_LOCALE,
  messages: {},
  missingWarn: false,
  fallbackWarn: false,
  missing: () => void ensureMessages(SOURCE_LOCALE).catch(() => undefined), // shown as soon as it has come
  pluralRules: Object.fromEntries(LOCALES.map((l) => [l.code, pluralRule(l.code)])),
})

/** Loads a language's interface texts once; asked again, it waits for the same download. */
function ensureMessages(code: string): Promise<void> {
  let done = loading.get(code)
  if (!done) {
    const load = loaders[`../../locales/${code}.json`]
    if (!load) return Promise.reject(new Error(`No messages for locale ${code}`))
    // Merged, not set: the coordinator workspace may have added its own texts to the language already.
    done = load().then((messages) => i18n.global.mergeLocaleMessage(code, messages.default as never))
    done.catch(() => loading.delete(code)) // offline: the next call tries again
    loading.set(code, done)
  }
  return done
}

/**
 * Switches the interface language (loading its messages once) and sets `<html lang dir>`. `keepOffline: false`
 * shows a language without asking the service worker to keep it (the picker in the phone's language, before
 * the person has chosen).
 */
export async function applyLocale(code: string, { keepOffline = true } = {}): Promise<void> {
  const info = localeInfo(code)
  await ensureMessages(info.code)
  i18n.global.locale.value = info.code
  document.documentElement.lang = info.code
  document.documentElement.dir = info.dir
  if (keepOffline) keepLanguageOffline(info.code)
  void loadLanguageFont(info.code)
  pointManifestAt(info.code)
}
