import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'

export interface InlineHashes {
  scripts: string[]
  styles: string[]
}

const source = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

/**
 * The CSP sources (`'sha256-…'`) of the inline `<script>` and `<style>` elements of the built index.html
 * (the picker's tap script and the start stylesheet, scripts/inline-start-files.ts): the CSP allows
 * these and no other inline script or style.
 */
export function inlineHashes(webRoot: string): InlineHashes {
  const file = `${webRoot}/index.html`
  if (!existsSync(file)) return { scripts: [], styles: [] }
  const html = readFileSync(file, 'utf8')
  return {
    scripts: [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => source(m[1]!)),
    styles: [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => source(m[1]!)),
  }
}
