import { describe, expect, it } from 'vitest'
import { forSituation } from '../../../src/guide/situation-filter.ts'
import { phaseProgress } from '../../../src/guide/progress.ts'
import type { Situation } from '../../../src/shared/guide/situations.ts'

const step = (id: string, phase: 'planning' | 'first-steps', situations?: Situation[]) => ({ id, phase, order: 1, situations })
const STEPS = [step('visa', 'planning', ['visa', 'family']), step('german', 'planning'), step('reception', 'first-steps', ['asylum']), step('old-row', 'first-steps')]

describe('steps for a situation', () => {
  it('without a situation every step is the person’s, as before', () => {
    expect(forSituation(STEPS, undefined)).toEqual({ mine: STEPS, others: [] })
  })

  it('keeps the steps for the situation and for everyone (also rows synced before steps had situations), the rest apart', () => {
    const { mine, others } = forSituation(STEPS, 'asylum')
    expect(mine.map((s) => s.id)).toEqual(['german', 'reception', 'old-row'])
    expect(others.map((s) => s.id)).toEqual(['visa'])
    expect(forSituation(STEPS, 'ukraine').mine.map((s) => s.id)).toEqual(['german', 'old-row'])
  })

  it('progress counts what is shown: a tick on a hidden step does not count', () => {
    const shown = forSituation(STEPS, 'asylum').mine
    expect(phaseProgress(shown, new Set(['visa', 'german']))[0]).toEqual({ phase: 'planning', done: 1, total: 1 })
  })
})
