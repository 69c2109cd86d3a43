import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '../../../src/db/db.ts'
import { useGuideStore } from '../../../src/guide/guide.store.ts'
import { useBookmarksStore } from '../../../src/bookmarks/bookmarks.store.ts'
import { FIXTURE_ROWS, FIXTURE_STEPS } from '../../fixtures/guide-steps.ts'

beforeEach(async () => {
  setActivePinia(createPinia())
  await db.delete()
  await db.open()
  await db.guideSteps.bulkPut(FIXTURE_ROWS.steps)
  await db.guideTexts.bulkPut(FIXTURE_ROWS.texts)
})

describe('guide progress on the phone', () => {
  it('keeps ticks with their time, and start over forgets ticks and the current phase', async () => {
    const guide = useGuideStore()
    await guide.setDone('anmeldung', true)
    await guide.setDone('learn-german', true)
    await guide.setDone('learn-german', false)
    await guide.openPhase('settling-in')
    expect(await db.progress.toArray()).toEqual([{ stepId: 'anmeldung', doneAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) }])
    expect((await db.settings.get('guidePhase'))?.value).toBe('settling-in')

    await guide.startOver()
    expect(await db.progress.count()).toBe(0)
    expect(await db.settings.get('guidePhase')).toBeUndefined()
    expect(await db.guideSteps.count()).toBe(FIXTURE_STEPS.length)
  })
})

describe('bookmarks', () => {
  it('toggle on and off, kept by kind and id', async () => {
    const bookmarks = useBookmarksStore()
    await bookmarks.toggle('step', 'anmeldung')
    await bookmarks.toggle('contact', 'anmeldung')
    expect((await db.bookmarks.toArray()).map((b) => `${b.kind}:${b.id}`).sort()).toEqual(['contact:anmeldung', 'step:anmeldung'])
    await bookmarks.toggle('step', 'anmeldung')
    expect((await db.bookmarks.toArray()).map((b) => `${b.kind}:${b.id}`)).toEqual(['contact:anmeldung'])
  })
})
