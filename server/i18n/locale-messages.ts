import { readFileSync } from 'node:fs'

type Messages = Record<string, unknown>
const cache = new Map<string, Messages>()

function read(path: string): Messages {
  let messages = cache.get(path)
  if (!messages) {
    messages = JSON.parse(readFileSync(new URL(`../../locales/${path}`, import.meta.url), 'utf8')) as Messages
    cache.set(path, messages)
  }
  return messages
}

/**
 * The app's own texts where the server needs words (a contact's kind, a CSV header), read once per
 * file: `locales/<code>.json`, or the workspace's `locales/coordination/<feature>.<code>.json`.
 */
export function appMessages(code: string): Messages {
  return read(`${code}.json`)
}

export function coordinationMessages(feature: string, code: string): Messages {
  return read(`coordination/${feature}.${code}.json`)
}

/** The texts of `<folder><code>.json`; German for a language without its own file. */
function inLanguage(folder: string, code: string): Messages {
  if (/^[a-z]{2,3}$/.test(code)) {
    try {
      return read(`${folder}${code}.json`)
    } catch {
      // No texts in this language yet.
    }
  }
  return read(`${folder}de.json`)
}

/** The texts of the mails (`locales/mail/<code>.json`); German for a language without its own file. */
export function mailMessages(code: string): Messages {
  return inLanguage('mail/', code)
}

/** The app's own texts for a mail that says what the app says (`locales/<code>.json`), German where there are none. */
export function appMessagesForMail(code: string): Messages {
  return inLanguage('', code)
}
