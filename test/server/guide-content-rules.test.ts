import { describe, expect, it } from 'vitest'
import { readGuideFile } from '../../server/guide/guide-content.ts'
import { GUIDE_PHASES } from '../../src/shared/guide/guide-step.schema.ts'
import { SITUATIONS, stepIsFor } from '../../src/shared/guide/situations.ts'

/** The shipped guide (server/guide/guide-steps.json), every step of it, whoever wrote it. */
describe('the guide content a release ships', async () => {
  const steps = (await readGuideFile())!

  it('every step names at least one source and the day a person last checked it against them', () => {
    expect(steps.filter((s) => !s.sources?.length).map((s) => s.id)).toEqual([])
    expect(steps.filter((s) => !s.checkedOn).map((s) => s.id)).toEqual([])
  })

  it.each(SITUATIONS)('a newcomer in situation "%s" has a complete path: at least one step in each of the three phases', (situation) => {
    const mine = steps.filter((s) => stepIsFor(s.situations, situation))
    expect(GUIDE_PHASES.filter((phase) => !mine.some((s) => s.phase === phase))).toEqual([])
  })

  it('a step that lists situations lists each once', () => {
    expect(steps.filter((s) => s.situations && new Set(s.situations).size !== s.situations.length).map((s) => s.id)).toEqual([])
  })
})
