import { readFileSync } from 'node:fs'
import type { Plugin } from 'vite'
import { pickPart, type TextsPart } from '../src/i18n/text-parts.ts'

const PART = /\/locales\/[\w-]+\.json\?part=(start|later)$/

/**
 * `locales/<code>.json?part=start|later` (src/i18n/i18n.ts): one part of a language's interface texts
 * (src/i18n/text-parts.ts), as JSON, which @intlify/unplugin-vue-i18n then precompiles like the whole file.
 * Translators keep one file per language.
 */
export function localeParts(): Plugin {
  return {
    name: 'willkommen:locale-parts',
    enforce: 'pre',
    load(id) {
      const part = PART.exec(id)?.[1] as TextsPart | undefined
      if (!part) return undefined
      const file = id.slice(0, id.indexOf('?'))
      this.addWatchFile(file)
      return JSON.stringify(pickPart(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>, part))
    },
  }
}
