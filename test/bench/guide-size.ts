/**
 * Figures for the guide content: steps per language, content size per language (gzip), how long
 * the search index takes to build from it, and what a phone downloads after one edited step is
 * published (./guide-edit-delta.ts). Prints; asserts nothing. Run: npm run bench:guide
 */
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import type { GuideSeedStep } from '../../src/shared/guide/guide-step.schema.ts'
import { joinGuide } from '../../src/guide/guide-entry.ts'
import { syncedRows } from '../fixtures/guide-steps.ts'
import type { Contact } from '../../src/shared/contacts/contact.schema.ts'
import { searchDocs } from '../../src/search/search-docs.ts'
import { buildSearchIndex, searchIndex } from '../../src/search/search-index.ts'
import { loadStemmer } from '../../src/search/word-stems.ts'
import { printEditDelta } from './guide-edit-delta.ts'

const LANGUAGES = ['de', 'en', 'uk', 'ar']
const steps = JSON.parse(readFileSync(new URL('../../server/guide/guide-steps.json', import.meta.url), 'utf8')) as GuideSeedStep[]
const rows = syncedRows(steps)
const entries = joinGuide({ ...rows, notes: [] }, undefined)
const contacts = (
  JSON.parse(readFileSync(new URL('../../server/contacts/sample-contacts.json', import.meta.url), 'utf8')) as Contact[]
).map((c) => ({ ...c, isSample: true }))

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const gzip = (value: unknown) => gzipSync(JSON.stringify(value), { level: 9 }).length

console.log(`guide steps: ${steps.length} (${['planning', 'first-steps', 'settling-in'].map((p) => `${p} ${steps.filter((s) => s.phase === p).length}`).join(', ')})`)
console.log('language  steps complete  content gzip (title, text, what to bring)')
for (const lang of LANGUAGES) {
  const complete = steps.filter((s) => s.title[lang]?.trim() && s.text[lang]?.trim()).length
  const content = steps.map((s) => ({ title: s.title[lang], text: s.text[lang], bring: s.bring[lang] ?? [] }))
  console.log(`${lang.padEnd(9)} ${String(complete).padStart(14)}  ${kb(gzip(content)).padStart(12)}`)
}
console.log(`all languages, as synced (steps + text rows): ${kb(gzip(rows))} gzip (${kb(JSON.stringify(rows).length)} raw)`)
for (const lang of LANGUAGES.filter((l) => l !== 'de')) {
  const phone = { steps: rows.steps, texts: rows.texts.filter((t) => t.lang === 'de' || t.lang === lang) }
  console.log(`a phone in ${lang} (steps + German + ${lang} rows): ${kb(gzip(phone))} gzip`)
}
console.log(`sample contacts: ${contacts.length}, ${kb(gzip(contacts))} gzip`)

for (const lang of LANGUAGES) {
  const language = { locale: lang, stem: await loadStemmer(lang), germanStem: await loadStemmer('de') }
  const t0 = performance.now()
  const index = buildSearchIndex(searchDocs({ steps: entries, contacts, meetups: [] }, lang), language)
  const t1 = performance.now()
  for (const q of ['A', 'An', 'Anm', 'Anme', 'Anmel', 'Anmeldung']) searchIndex(index, q)
  const t2 = performance.now()
  console.log(`search ${lang}: index built in ${(t1 - t0).toFixed(0)} ms, 6 keystrokes answered in ${(t2 - t1).toFixed(1)} ms (this machine)`)
}

await printEditDelta()
