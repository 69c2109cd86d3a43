/**
 * Is a language complete? Compares its files with the German source: the UI (`locales/<code>.json`), the
 * e-mails (`locales/mail/<code>.json`), every guide step (`server/guide/texts/<code>.json`) and the glossary
 * (`src/guide/glossary/<code>.json`). It lists what is missing or broken: keys, placeholders like `{name}`,
 * links and glossary words in guide texts, the number of items in a bring-list.
 *
 *   node scripts/translation-check.ts <code> [<code> …]
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Run from the project's folder (npm run check:translation, the tests).
const root = process.cwd()
const SOURCE = 'de'

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

function readJson(path: string): unknown {
  const file = join(root, path)
  if (!existsSync(file)) return undefined
  return JSON.parse(readFileSync(file, 'utf8')) as unknown
}

/** Every leaf string of a nested message file, by its dotted key. */
function leaves(value: Json, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(prefix, value)
  else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out)
  }
  return out
}

const sorted = (items: Iterable<string>): string => [...items].sort().join(' ')
/** Placeholders and vue-i18n literals: `{name}`, `{'@'}`. */
const placeholders = (text: string): string => sorted(text.match(/\{[^{}]*\}/g) ?? [])
/** Link targets of guide markup: `[label](glossary:frist)`, `(https://…)`, `(tel:…)`. */
const linkTargets = (text: string): string => sorted([...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!))

function compareMessages(label: string, source: unknown, target: unknown, problems: string[]): void {
  if (target === undefined) {
    problems.push(`${label}: file missing`)
    return
  }
  if (source === undefined) return
  const want = leaves(source as Json)
  const have = leaves(target as Json)
  for (const [key, text] of want) {
    const got = have.get(key)
    if (got === undefined) problems.push(`${label}: missing key ${key}`)
    else if (got.trim() === '') problems.push(`${label}: empty ${key}`)
    else if (placeholders(got) !== placeholders(text)) {
      problems.push(`${label}: ${key} has placeholders "${placeholders(got)}", German has "${placeholders(text)}"`)
    } else if (/[@|]/.test(got.replace(/\{'[@|]'\}/g, ''))) {
      problems.push(`${label}: ${key} has a bare @ or | (vue-i18n syntax); write {'@'} or {'|'}`)
    }
  }
  for (const key of have.keys()) if (!want.has(key) && key !== 'dir') problems.push(`${label}: unknown key ${key}`)
}

interface StepText {
  title: string
  text: string
  bring: string[]
}

function compareGuide(code: string, problems: string[]): void {
  const label = `server/guide/texts/${code}.json`
  const steps = readJson('server/guide/guide-steps.json') as { id: string }[]
  const source = readJson(`server/guide/texts/${SOURCE}.json`) as Record<string, StepText>
  const target = readJson(label) as Record<string, StepText> | undefined
  if (!target) {
    problems.push(`${label}: file missing`)
    return
  }
  for (const { id } of steps) {
    const want = source[id]
    const got = target[id]
    if (!want) continue
    if (!got) {
      problems.push(`${label}: step ${id} missing`)
      continue
    }
    if (!got.title?.trim() || !got.text?.trim()) problems.push(`${label}: step ${id} has an empty title or text`)
    if (!Array.isArray(got.bring) || got.bring.length !== want.bring.length) {
      problems.push(`${label}: step ${id} brings ${got.bring?.length ?? 0} things, German ${want.bring.length}`)
    } else if (got.bring.some((b) => !b.trim())) problems.push(`${label}: step ${id} has an empty bring item`)
    if (linkTargets(got.text ?? '') !== linkTargets(want.text)) {
      problems.push(`${label}: step ${id} links "${linkTargets(got.text ?? '')}", German "${linkTargets(want.text)}"`)
    }
  }
  for (const id of Object.keys(target)) if (!steps.some((s) => s.id === id)) problems.push(`${label}: unknown step ${id}`)
}

function compareGlossary(code: string, problems: string[]): void {
  const label = `src/guide/glossary/${code}.json`
  const terms = (readJson('src/guide/glossary.json') as { terms: { id: string }[] }).terms
  const target = readJson(label) as Record<string, string> | undefined
  if (!target) {
    problems.push(`${label}: file missing`)
    return
  }
  for (const { id } of terms) if (!target[id]?.trim()) problems.push(`${label}: term ${id} missing`)
  for (const id of Object.keys(target)) if (!terms.some((t) => t.id === id)) problems.push(`${label}: unknown term ${id}`)
}

/** What is missing or broken in one language; empty when it is complete. */
export function checkTranslation(code: string): string[] {
  const problems: string[] = []
  compareMessages(`locales/${code}.json`, readJson(`locales/${SOURCE}.json`), readJson(`locales/${code}.json`), problems)
  compareMessages(`locales/mail/${code}.json`, readJson(`locales/mail/${SOURCE}.json`), readJson(`locales/mail/${code}.json`), problems)
  compareGuide(code, problems)
  compareGlossary(code, problems)
  return problems
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let failed = false
  for (const code of process.argv.slice(2)) {
    const problems = checkTranslation(code)
    console.log(problems.length ? `${code}: ${problems.length} problem(s)\n  ${problems.join('\n  ')}` : `${code}: complete`)
    failed ||= problems.length > 0
  }
  process.exitCode = failed ? 1 : 0
}
