import { existsSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { GUIDE_STEPS_FILE, loadGuideContent, loadGuideSteps, readGuideFile } from '../../server/guide/guide-content.ts'
import { FIXTURE_STEPS } from '../fixtures/guide-steps.ts'
import type { SyncResponse } from '../../src/shared/sync.schema.ts'
import type { GuideStep } from '../../src/shared/guide/guide-step.schema.ts'

async function tempFile(content: unknown): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'guide-')), 'guide-steps.json')
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

async function seqs(db: Awaited<ReturnType<typeof buildTestApp>>['db']): Promise<Record<string, number>> {
  const rows = await db.selectFrom('guide_steps').select(['id', 'seq']).execute()
  return Object.fromEntries(rows.map((r) => [r.id, r.seq]))
}

describe.each(DATABASES)('guide content on %s', (kind) => {
  it('loads the steps from a file and sends them by the delta sync', async () => {
    const { app, db } = await buildTestApp(kind)
    await db.deleteFrom('guide_steps').execute()
    const result = await loadGuideContent(db, await tempFile(FIXTURE_STEPS))
    expect(result).toEqual({ inserted: FIXTURE_STEPS.length, updated: 0, deleted: 0 })

    const first = (await app.inject({ url: '/api/v1/sync?since=0' })).json<SyncResponse>()
    const byId = new Map(first.changes.guideSteps.map((s) => [s.id, s]))
    for (const step of FIXTURE_STEPS) expect(byId.get(step.id)).toEqual(step)
  })

  it('gives no new change number when the file is unchanged, and one only to a changed step', async () => {
    const { app, db } = await buildTestApp(kind)
    await db.deleteFrom('guide_steps').execute()
    await loadGuideSteps(db, FIXTURE_STEPS)
    const before = await seqs(db)
    const { cursor } = (await app.inject({ url: '/api/v1/sync?since=0' })).json<SyncResponse>()

    // Same content with keys in another order (as jsonb may return them) is no change.
    const reordered = FIXTURE_STEPS.map((s) => Object.fromEntries(Object.entries(s).reverse()) as GuideStep)
    expect(await loadGuideSteps(db, reordered)).toEqual({ inserted: 0, updated: 0, deleted: 0 })
    expect(await seqs(db)).toEqual(before)
    const none = (await app.inject({ url: `/api/v1/sync?since=${cursor}` })).json<SyncResponse>()
    expect(none.changes.guideSteps).toEqual([])
    expect(none.cursor).toBe(cursor)

    const edited = FIXTURE_STEPS.map((s) => (s.id === 'anmeldung' ? { ...s, text: { ...s.text, uk: 'Новий текст.' } } : s))
    expect(await loadGuideSteps(db, edited)).toEqual({ inserted: 0, updated: 1, deleted: 0 })
    const after = await seqs(db)
    expect(after['anmeldung']).toBeGreaterThan(before['anmeldung']!)
    expect({ ...after, anmeldung: 0 }).toEqual({ ...before, anmeldung: 0 })

    const delta = (await app.inject({ url: `/api/v1/sync?since=${cursor}` })).json<SyncResponse>()
    expect(delta.changes.guideSteps).toEqual([edited.find((s) => s.id === 'anmeldung')])
  })

  it('deletes a step removed from the file and tells phones by a tombstone', async () => {
    const { app, db } = await buildTestApp(kind)
    await db.deleteFrom('guide_steps').execute()
    await loadGuideSteps(db, FIXTURE_STEPS)
    const { cursor } = (await app.inject({ url: '/api/v1/sync?since=0' })).json<SyncResponse>()

    expect(await loadGuideSteps(db, FIXTURE_STEPS.filter((s) => s.id !== 'residence-permit'))).toEqual({ inserted: 0, updated: 0, deleted: 1 })
    expect(Object.keys(await seqs(db)).sort()).toEqual(['anmeldung', 'language-cafe', 'learn-german'])
    const delta = (await app.inject({ url: `/api/v1/sync?since=${cursor}` })).json<SyncResponse>()
    expect(delta.deleted.guideSteps).toEqual(['residence-permit'])
    expect(delta.changes.guideSteps).toEqual([])
    expect(delta.cursor).toBeGreaterThan(cursor)
  })
})

describe('the guide content file', () => {
  it('is refused with the place of the problem when a step is malformed', async () => {
    const broken = [{ ...FIXTURE_STEPS[0], phase: 'someday' }]
    await expect(readGuideFile(await tempFile(broken))).rejects.toThrow(/\/0\/phase/)
    await expect(readGuideFile(await tempFile([FIXTURE_STEPS[0], FIXTURE_STEPS[0]]))).rejects.toThrow(/twice/)
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
