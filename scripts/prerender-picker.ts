import { readFileSync } from 'node:fs'
import type { Plugin } from 'vite'
import { LOCALES, PICKER_FALLBACK } from '../src/i18n/locales.ts'

/** Marks around the prerendered picker: the service worker leaves it out for a phone that has chosen (src/sw/shell-page.ts). */
export const PICKER_START = '<!--picker-->'
export const PICKER_END = '<!--/picker-->'
const PLACEHOLDER = '<!--language-picker-->'

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The first-start language picker as plain HTML: each language by its own name, a link the app honours (`/?lang=ar`). */
export function pickerHtml(title: string, intro: string): string {
  const items = LOCALES.map(
    (l) => `<li><a class="language-option" href="/?lang=${l.code}" hreflang="${l.code}" lang="${l.code}" dir="${l.dir}">${escape(l.nativeName)}</a></li>`,
  )
  return [
    PICKER_START,
    `<main id="main" class="boot-picker" lang="${PICKER_FALLBACK}" dir="ltr"><div class="page">`,
    `<h1 id="language-title">${escape(title)}</h1>`,
    `<p>${escape(intro)}</p>`,
    `<ul class="language-list" role="list" aria-labelledby="language-title">${items.join('')}</ul>`,
    '</div></main>',
    PICKER_END,
  ].join('')
}

/**
 * Prerenders the language picker into index.html at build, so a first visit on a slow link shows it
 * (and a tap works, as a link) before any script has arrived; Vue replaces it when the app mounts.
 * The start stylesheet is put before the start script, so it takes the connection the page came on
 * instead of waiting for a second one to open.
 */
export function prerenderPicker(): Plugin {
  // Before any script runs, the phone's languages are unknown: the title is in English, as the app's picker
  // is on a phone set to none of its languages (PICKER_FALLBACK); each language is named in itself.
  const messages = JSON.parse(readFileSync(new URL(`../locales/${PICKER_FALLBACK}.json`, import.meta.url), 'utf8')) as { language: { title: string; intro: string } }
  return {
    name: 'willkommen:prerender-picker',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const withPicker = html.replace(PLACEHOLDER, pickerHtml(messages.language.title, messages.language.intro))
        const script = /\s*<script type="module"[^>]*><\/script>/.exec(withPicker)
        const style = /\s*<link rel="stylesheet"[^>]*>/.exec(withPicker)
        if (!script || !style || style.index < script.index) return withPicker
        return withPicker.replace(style[0], '').replace(script[0], `${style[0]}${script[0]}`)
      },
    },
  }
}
