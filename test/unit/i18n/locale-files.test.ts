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
