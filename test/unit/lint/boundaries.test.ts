// @vitest-environment node
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/** The boundaries of ARCHITECTURE.md ("What the linter keeps"), checked with the project's own eslint.config.js. */
let eslint: ESLint

beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() })
  await eslint.lintText('export {}\n', { filePath: 'server/warm-up.ts' }) // loads the config and the parsers once
}, 60_000)

/** The import rules that fire for `code` as if it were the file at `filePath`. */
async function restricted(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages.filter((m) => m.ruleId?.startsWith('no-restricted')).map((m) => m.message)
}

describe('the linter keeps the server and the app apart', () => {
  it('refuses a server file that imports app code outside src/shared', async () => {
    const messages = await restricted("import { LOCALES } from '../../src/i18n/locales.ts'\nexport const n = LOCALES.length\n", 'server/contacts/fixture.ts')
    expect(messages).toEqual([expect.stringContaining('The server imports only src/shared/**')])
  })

  it('lets the server import src/shared', async () => {
    expect(await restricted("import { DISTRICTS } from '../../src/shared/districts.ts'\nexport const n = DISTRICTS.length\n", 'server/contacts/fixture.ts')).toEqual([])
  })

  it('refuses app code that imports the server', async () => {
    const messages = await restricted("import type { Database } from '../../server/db/schema.ts'\nexport type D = Database\n", 'src/meetups/fixture.ts')
    expect(messages).toEqual([expect.stringContaining('never imports server code')])
  })

  it('keeps src/shared free of client code, frameworks and platform APIs, at every folder depth', async () => {
    expect(await restricted("import { LOCALES } from '../../i18n/locales.ts'\nexport const n = LOCALES\n", 'src/shared/coordination/fixture.ts')).toEqual([
      expect.stringContaining('src/shared imports only from src/shared'),
    ])
    expect(await restricted("import { loadPlaces } from '../district/places.ts'\nexport const n = loadPlaces\n", 'src/shared/fixture.ts')).toHaveLength(1)
    expect(await restricted("import { ref } from 'vue'\nexport const n = ref(1)\n", 'src/shared/fixture.ts')).toEqual([expect.stringContaining('keep frameworks')])
    expect(await restricted("import { createHash } from 'node:crypto'\nexport const h = createHash\n", 'src/shared/meetups/fixture.ts')).toHaveLength(1)
    expect(await restricted("import { DISTRICTS } from '../districts.ts'\nexport const n = DISTRICTS\n", 'src/shared/coordination/fixture.ts')).toEqual([])
  })
})

describe('the linter keeps views on stores', () => {
  const view = (script: string) => `<script setup lang="ts">\n${script}</script>\n\n<template><p>x</p></template>\n`

  it('refuses a view that imports the Dexie database', async () => {
    expect(await restricted(view("import { loadDb } from '../db/load-db.ts'\nvoid loadDb\n"), 'src/meetups/Fixture.vue')).toEqual([
      expect.stringContaining('Views read IndexedDB through stores'),
    ])
    expect(await restricted(view("import Dexie from 'dexie'\nvoid Dexie\n"), 'src/coordination/partners/Fixture.vue')).toHaveLength(1)
  })

  it('refuses a view that calls fetch, also through window', async () => {
    expect(await restricted(view("void fetch('/api/v1/sync')\n"), 'src/meetups/Fixture.vue')).toEqual([expect.stringContaining('Views never fetch')])
    expect(await restricted(view("void window.fetch('/api/v1/sync')\n"), 'src/meetups/Fixture.vue')).toHaveLength(1)
  })

  it('lets a view import a store, and a type of a row', async () => {
    const script = "import type { BookmarkKind } from '../db/guide-rows.ts'\nimport { useMeetupsStore } from './meetups.store.ts'\nexport type K = BookmarkKind\nvoid useMeetupsStore\n"
    expect(await restricted(view(script), 'src/meetups/Fixture.vue')).toEqual([])
  })
})
