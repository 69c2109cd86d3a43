import { readFileSync } from 'node:fs'
import type { Plugin } from 'vite'

const TAPS_PLACEHOLDER = '<!--picker-taps-->'

/** The start stylesheet (the app entry's), which is inline in index.html. */
export const isStartStyle = (file: string): boolean => /^assets\/index-[\w-]+\.css$/.test(file)

/**
 * Puts what the prerendered language picker needs into index.html itself, so it is painted and takes
 * taps with the page, not a round trip later on a slow link: the start stylesheet as a `<style>` element
 * (render-blocking as a file) and the picker's tap script (src/app/picker-taps.js; as a file it could
 * arrive after the picker showed, and a tap before it navigated, starting the app's download again).
 * The server's CSP allows exactly these two by their hashes (server/web/inline-hashes.ts).
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
        const withTaps = html.replace(TAPS_PLACEHOLDER, `<script>${taps.replace(/<\/script/gi, '<\\/script')}</script>`)
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
