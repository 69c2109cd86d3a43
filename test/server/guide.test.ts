import { existsSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { GUIDE_STEPS_FILE, loadGuideContent, readGuideFile, seedGuideSteps } from '../../server/guide/guide-content.ts'
import { FIXTURE_ROWS, FIXTURE_SEED } from '../fixtures/guide-steps.ts'
import type { SyncResponse } from '../../src/shared/sync.schema.ts'

async function tempFile(content: unknown): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'guide-')), 'guide-steps.json')
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id))

describe.each(DATABASES)('guide content on %s', (kind) => {
  it('seeds an empty guide from the file: steps as structure, texts as rows per language with a status', async () => {
    const { app, db } = await buildTestApp(kind)
    await db.deleteFrom('guide_steps').execute()
    expect(await loadGuideContent(db, await tempFile(FIXTURE_SEED))).toBe(FIXTURE_SEED.length)

    const first = (await app.inject({ url: '/api/v1/sync?since=0' })).json<SyncResponse>()
    expect(byId(first.changes.guideSteps)).toEqual(byId(FIXTURE_ROWS.steps))
    expect(byId(first.changes.guideTexts)).toEqual(byId(FIXTURE_ROWS.texts))
    expect(first.changes.guideTexts.find((t) => t.id === 'anmeldung:de')?.status).toBe('reviewed')
    expect(first.changes.guideTexts.find((t) => t.id === 'anmeldung:ar')?.status).toBe('machine')
  })

  it('seeds only an empty guide: a guide with content takes a changed file as a release, keeping what a person changed', async () => {
    const { db } = await buildTestApp(kind)
    await db.deleteFrom('guide_steps').execute()
    await seedGuideSteps(db, FIXTURE_SEED)
    await db.updateTable('guide_texts').set({ title: 'Von Hand geändert' }).where('id', '=', 'anmeldung:de').execute()

    const changedFile = FIXTURE_SEED.map((s) => ({ ...s, title: { ...s.title, de: 'Aus der Datei' } }))
    expect(await seedGuideSteps(db, changedFile)).toBe(0)
    expect(await loadGuideContent(db, await tempFile(changedFile))).toBe(FIXTURE_SEED.length - 1)
    const title = async (id: string) => (await db.selectFrom('guide_texts').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title
    expect(await title('anmeldung:de')).toBe('Von Hand geändert')
    expect(await title('learn-german:de')).toBe('Aus der Datei')
  })

  it('never syncs a step that was not published yet', async () => {
    const { app, db } = await buildTestApp(kind)
    await db.deleteFrom('guide_steps').execute()
    await seedGuideSteps(db, FIXTURE_SEED)
    await db.updateTable('guide_steps').set({ published: false }).where('id', '=', 'anmeldung').execute()
    const first = (await app.inject({ url: '/api/v1/sync?since=0' })).json<SyncResponse>()
    expect(first.changes.guideSteps.map((s) => s.id)).not.toContain('anmeldung')
  })
})

describe('the guide content file', () => {
  it('is refused with the place of the problem when a step is malformed', async () => {
    const broken = [{ ...FIXTURE_SEED[0], phase: 'someday' }]
    await expect(readGuideFile(await tempFile(broken))).rejects.toThrow(/\/0\/phase/)
    await expect(readGuideFile(await tempFile([FIXTURE_SEED[0], FIXTURE_SEED[0]]))).rejects.toThrow(/twice/)
    await expect(readGuideFile(await tempFile('[{'))).rejects.toThrow()
  })

  it('counts as absent, not as an error, when there is no file', async () => {
    expect(await readGuideFile('/nonexistent/guide-steps.json')).toBeUndefined()
  })

  it.runIf(existsSync(GUIDE_STEPS_FILE))('the real content: at least 30 steps, each complete in de, en, uk and ar', async () => {
    const steps = (await readGuideFile())!
    expect(steps.length).toBeGreaterThanOrEqual(30)
    for (const phase of ['planning', 'first-steps', 'settling-in']) expect(steps.some((s) => s.phase === phase)).toBe(true)
    const incomplete = steps.filter((s) => ['de', 'en', 'uk', 'ar'].some((l) => !s.title[l]?.trim() || !s.text[l]?.trim()))
    expect(incomplete.map((s) => s.id)).toEqual([])
    expect(steps.filter((s) => s.contactFields.length === 0).map((s) => s.id)).toEqual([])
  })
})
