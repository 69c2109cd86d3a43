import { createI18n } from 'vue-i18n'
import de from '../../locales/de.json'
import { LOCALES, SOURCE_LOCALE, localeInfo, pluralRule } from './locales.ts'
import { keepLanguageOffline } from './offline-language.ts'
import { loadLanguageFont } from './language-fonts.ts'
import { pointManifestAt } from '../pwa/manifest-path.ts'

type Messages = Record<string, unknown>

// German is the fallback for every language, so it ships in the start bundle; every other language is
// one lazy chunk. Messages are precompiled at build time (no eval, so the strict CSP holds).
const loaders = import.meta.glob<{ default: Messages }>(['../../locales/*.json', '!../../locales/de.json'])

export const i18n = createI18n({
  legacy: false,
  locale: SOURCE_LOCALE,
  fallbackLocale: SOURCE_LOCALE,
  messages: { [SOURCE_LOCALE]: de } as Record<string, typeof de>,
  missingWarn: false,
  fallbackWarn: false,
  pluralRules: Object.fromEntries(LOCALES.map((l) => [l.code, pluralRule(l.code)])),
})

async function ensureMessages(code: string): Promise<void> {
  if (i18n.global.availableLocales.includes(code)) return
  const load = loaders[`../../locales/${code}.json`]
  if (!load) throw new Error(`No messages for locale ${code}`)
  i18n.global.setLocaleMessage(code, (await load()).default as never)
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
