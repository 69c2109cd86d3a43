import { readFileSync } from 'node:fs'
import type { Plugin, Rolldown } from 'vite'
import { LOCALE_CODES } from '../src/shared/locale-codes.ts'
import { firstPullPath } from '../src/sync/sync-scope.ts'

const TAPS_PLACEHOLDER = '<!--picker-taps-->'

/** The start stylesheet (the app entry's), which is inline in index.html. */
export const isStartStyle = (file: string): boolean => /^assets\/index-[\w-]+\.css$/.test(file)

const fail = (message: string): never => {
  throw new Error(message)
}

/**
 * What the picker's tap script fetches ahead (src/app/picker-taps.js): the chunks of the start screen (which
 * hold the database code), of the page pull and of the guide, with their style, and per language its texts and
 * the address of its first pull. The guide is last: the browser's six connections are busy with the rest, so
 * it starts when the first small file is in. On the slow link that brings the first guide step from 8.1 to
 * 6.8 s (it came after the start screen before), for 0.5 s more before the start screen's dates.
 */
export function startFiles(bundle: Rolldown.OutputBundle): { views: string[]; texts: Record<string, string>; pulls: Record<string, string> } {
  const chunks = Object.values(bundle).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk')
  const holding = (end: string) => chunks.find((c) => c.moduleIds.some((id) => id.endsWith(end)))
  const chunkOf = (end: string) => holding(end) ?? fail(`start-files: the chunk of ${end} is missing from the build`)
  // A Set: the pull travels with the start screen (scripts/view-bundles.ts).
  const chunksOfStart = [...new Set(['/src/meetups/MeetupsView.vue', '/src/sync/pull.ts', '/src/guide/GuideView.vue'].map(chunkOf))]
  // And the small files they import besides the app's own (the bundler's helpers): a modulepreload fetches one
  // file, not what it imports, which the app would otherwise ask for a round trip later.
  const entry = chunks.find((c) => c.isEntry)?.fileName
  const scripts = [...new Set(chunksOfStart.flatMap((c) => [c.fileName, ...c.imports.filter((file) => file !== entry)]))]
  // Scripts before styles: a style is small, and the tap script asks for them in this order.
  const views = [...scripts, ...chunksOfStart.flatMap((c) => [...(c.viteMetadata?.importedCss ?? [])])]
  const texts = Object.fromEntries(LOCALE_CODES.map((code) => [code, `/${holding(`/locales/${code}.json?part=start`)!.fileName}`]))
  const pulls = Object.fromEntries(LOCALE_CODES.map((code) => [code, firstPullPath(code)]))
  return { views: views.map((file) => `/${file}`), texts, pulls }
}

/**
 * Puts what the prerendered language picker needs into index.html itself, so it is painted and takes
 * taps with the page, not a round trip later on a slow link: the start stylesheet as a `<style>` element
 * (render-blocking as a file) and the picker's tap script (src/app/picker-taps.js; as a file it could
 * arrive after the picker showed, and a tap before it navigated, starting the app's download again), with
 * the files a tap fetches ahead (`startFiles`) written into it. The server's CSP allows exactly these two by
 * their hashes (server/web/inline-hashes.ts).
 */
export function inlineStartFiles(): Plugin {
  // Without its comments: they would travel with every first visit.
  const taps = readFileSync(new URL('../src/app/picker-taps.js', import.meta.url), 'utf8')
    .replace(/^\s*\/\/.*\n/gm, '')
    .replace(/^\/\* global [^*]*\*\/\n/m, '')
  return {
    name: 'willkommen:inline-start-files',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const filled = bundle ? taps.replace('/*start-files*/ {}', JSON.stringify(startFiles(bundle))) : taps
        const withTaps = html.replace(TAPS_PLACEHOLDER, `<script>${filled.replace(/<\/script/gi, '<\\/script')}</script>`)
        return withTaps.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/, (link, file: string) => {
          const asset = bundle?.[file] // only in a build; the dev server serves the styles itself
          if (asset?.type !== 'asset') return link
          // The link stays, disabled (never fetched): a lazy chunk that imports from the start chunk names this
          // stylesheet among its dependencies, and Vite's preload loads only those it finds no link for (offline
          // the file would fail, and the import with it).
          const style = `<style>${String(asset.source).replace(/<\/style/gi, '<\\/style')}</style>`
          return `${style}<link rel="stylesheet" href="/${file}" disabled>`
        })
      },
    },
  }
}
