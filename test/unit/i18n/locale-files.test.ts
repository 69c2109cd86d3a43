import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SOURCE_LOCALE } from '../../../src/i18n/locales.ts'
import { WORKSPACE_LOCALE_CODES } from '../../../src/shared/locale-codes.ts'

type Tree = { [key: string]: string | Tree }

function load(file: string): Tree {
  return JSON.parse(readFileSync(resolve('locales', file), 'utf8')) as Tree
}

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of leaves(value, path)) out.set(k, v)
  }
  return out
}

// The coordinator workspace's texts per feature (coordination/<feature>.<code>.json), in the workspace's languages.
// The app's and the mails' texts in every language are checked with the guide in ./completeness.test.ts.
const FILES = readdirSync(resolve('locales/coordination'))
  .filter((f) => f.endsWith(`.${SOURCE_LOCALE}.json`))
  .map((f) => `coordination/${f.replace(`.${SOURCE_LOCALE}.json`, '.{code}.json')}`)
const cases = FILES.flatMap((file) => WORKSPACE_LOCALE_CODES.map((code) => [file.replace('{code}', code), file.replace('{code}', SOURCE_LOCALE)]))

describe.each(cases)('locales/%s', (file, sourceFile) => {
  const source = leaves(load(sourceFile))
  const messages = leaves(load(file))

  it('has every key of the German source and no others', () => {
    expect([...messages.keys()].sort()).toEqual([...source.keys()].sort())
  })

  it('has no empty message', () => {
    expect([...messages].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([])
  })

  it('uses the same placeholders as German', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    const differing = [...source].filter(([k, v]) => messages.has(k) && names(messages.get(k)!).join() !== names(v).join())
    expect(differing.map(([k]) => k)).toEqual([])
  })
})

// The server and the shared validators answer with message keys the phone or the workspace looks up; a key
// missing from the texts shows as "errors.registration.duplicate" on a card. The other languages must have
// every German key (here and in ./completeness.test.ts), so German is where each key has to be.
describe('message keys sent by the server', () => {
  function sourceFiles(dir: string): string[] {
    return readdirSync(resolve(dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
      .map((f) => resolve(dir, f))
  }
  const sent = new Set(
    [...sourceFiles('server'), ...sourceFiles('src/shared')].flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/'((?:errors|coordination[A-Z]\w*)\.[\w.]*\w)'/g)].map((m) => m[1]!),
    ),
  )
  const known = new Set([
    ...leaves(load(`${SOURCE_LOCALE}.json`)).keys(),
    ...readdirSync(resolve('locales/coordination'))
      .filter((f) => f.endsWith(`.${SOURCE_LOCALE}.json`))
      .flatMap((f) => [...leaves(load(`coordination/${f}`)).keys()]),
  ])

  it('finds the keys it checks', () => {
    expect(sent).toContain('errors.registration.duplicate')
    expect(sent.size).toBeGreaterThan(15)
  })

  it('has a German text for each', () => {
    expect([...sent].filter((key) => !known.has(key))).toEqual([])
  })
})
