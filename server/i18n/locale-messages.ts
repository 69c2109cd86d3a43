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

/** The texts of the mails (`locales/mail/<code>.json`); German for a language without its own file. */
export function mailMessages(code: string): Messages {
  if (/^[a-z]{2,3}$/.test(code)) {
    try {
      return read(`mail/${code}.json`)
    } catch {
      // No mail texts in this language yet.
    }
  }
  return read('mail/de.json')
}
