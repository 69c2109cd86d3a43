import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import { isStartStyle } from './inline-start-files.ts'

/** One chunk of Vite's build manifest (`.vite/manifest.json`), keyed by its source path. */
interface ViteChunk {
  file: string
  css?: string[]
  assets?: string[]
  isEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
}
type ViteManifest = Record<string, ViteChunk>

/** A precache entry as workbox-build writes it into the service worker, plus the language it is for. */
export interface PrecacheEntry {
  url: string
  revision: string | null
  size: number
  /** Set on a language's own chunk: the service worker caches it only for a phone that chose it. */
  language?: string
}

const WORKSPACE = /^(src\/coordination|locales\/coordination)\//
// A language's own chunks: its interface texts, its glossary, its search stemmer (src/search/word-stems.ts)
// and a font only it needs (src/i18n/language-fonts.ts).
const TAG = '([a-z]{2,3}(?:-x-[a-z]{2,8})?)'
const LANGUAGE = [
  new RegExp(`^locales/${TAG}\\.json(?:\\?part=\\w+)?$`), // both parts of its texts (src/i18n/text-parts.ts)
  new RegExp(`^src/guide/glossary/${TAG}\\.json$`),
  new RegExp(`@orama/stemmers/dist/${TAG}\\.js$`),
  new RegExp(`^src/i18n/fonts/${TAG}\\.ts$`),
]
// German is every phone's fallback: always kept.
const ALWAYS = 'de'

const filesOf = (chunk: ViteChunk) => [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]

/**
 * Which build files a newcomer's phone needs: everything the app's entry reaches through static and
 * lazy imports, except the coordinator workspace (online-only, behind its own lazy route). Each
 * chunk of one language other than German is named with its code.
 */
export function newcomerFiles(manifest: ViteManifest): { files: Set<string>; languages: Map<string, string> } {
  const seen = new Set<string>()
  const queue = Object.keys(manifest).filter((key) => manifest[key]!.isEntry)
  while (queue.length > 0) {
    const key = queue.pop()!
    if (seen.has(key) || WORKSPACE.test(key) || !manifest[key]) continue
    seen.add(key)
    queue.push(...(manifest[key].imports ?? []), ...(manifest[key].dynamicImports ?? []))
  }
  const files = new Set([...seen].flatMap((key) => filesOf(manifest[key]!)))
  const languages = new Map<string, string>()
  for (const key of seen) {
    const code = LANGUAGE.map((pattern) => pattern.exec(key)?.[1]).find(Boolean)
    if (code && code !== ALWAYS) for (const file of filesOf(manifest[key]!)) languages.set(file, code)
  }
  return { files, languages }
}

/**
 * Build files a phone never asks for offline: the start stylesheet (inline in index.html,
 * scripts/inline-start-files.ts), the sync worker (a pull needs a connection; the worker loads with the
 * first pull that has one) and the style of the mail pages (served online, server/mail/mail-page.ts).
 */
export function notNeededOffline(url: string): boolean {
  return isStartStyle(url) || /^assets\/sync\.worker-[\w-]+\.js$/.test(url) || url === 'mail-page.css'
}

/**
 * The service worker's precache list for a newcomer: the shell, German (the fallback) and every
 * newcomer view; build files only the coordinator workspace uses are left out; language chunks stay
 * in the list marked with their `language` (src/sw/sw.ts caches only the chosen one). Files that are not
 * in Vite's manifest (the service worker's own, icons, index.html) are kept, but not what `notNeededOffline` names.
 */
export function newcomerPrecache(): { plugin: Plugin; transform: (entries: PrecacheEntry[]) => { manifest: PrecacheEntry[] } } {
  let outDir = 'dist'
  return {
    plugin: {
      name: 'willkommen:newcomer-precache',
      apply: 'build',
      configResolved(config) {
        outDir = config.build.outDir
      },
    },
    transform(entries) {
      const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as ViteManifest
      const { files, languages } = newcomerFiles(manifest)
      const built = new Set(Object.values(manifest).flatMap(filesOf))
      const kept = entries.filter((e) => (files.has(e.url) || !built.has(e.url)) && !notNeededOffline(e.url))
      return { manifest: kept.map((e) => (languages.has(e.url) ? { ...e, language: languages.get(e.url)! } : e)) }
    },
  }
}
