import { describe, expect, it } from 'vitest'
import { currentPhase, nextInGuide, phaseProgress, stepsOfPhase } from '../../../src/guide/progress.ts'
import { pickText } from '../../../src/i18n/localized.ts'
import { formatCheckedOn, stepText } from '../../../src/guide/step-text.ts'
import { FIXTURE_STEPS } from '../../fixtures/guide-steps.ts'

describe('guide progress', () => {
  it('counts done steps per phase, ignoring ticks of steps that no longer exist', () => {
    const done = new Set(['anmeldung', 'language-cafe', 'removed-step'])
    expect(phaseProgress(FIXTURE_STEPS, done)).toEqual([
      { phase: 'planning', done: 0, total: 1 },
      { phase: 'first-steps', done: 1, total: 2 },
      { phase: 'settling-in', done: 1, total: 1 },
    ])
  })

  it('continues with the first phase that is not complete', () => {
    expect(currentPhase(phaseProgress(FIXTURE_STEPS, new Set()))).toBe('planning')
    expect(currentPhase(phaseProgress(FIXTURE_STEPS, new Set(['learn-german'])))).toBe('first-steps')
    const all = new Set(FIXTURE_STEPS.map((s) => s.id))
    expect(currentPhase(phaseProgress(FIXTURE_STEPS, all))).toBe('settling-in')
  })

  it('lists a phase’s steps in their order', () => {
    const shuffled = [...FIXTURE_STEPS].reverse()
    expect(stepsOfPhase(shuffled, 'first-steps').map((s) => s.id)).toEqual(['anmeldung', 'residence-permit'])
  })

  it('leads from a step to the next one of its phase, from the last one to the next phase, and on from the very last to nothing', () => {
    const shuffled = [...FIXTURE_STEPS].reverse()
    expect(nextInGuide(shuffled, 'anmeldung')?.step?.id).toBe('residence-permit')
    expect(nextInGuide(shuffled, 'residence-permit')).toEqual({ phase: 'settling-in' })
    expect(nextInGuide(shuffled, 'learn-german')).toEqual({ phase: 'first-steps' })
    expect(nextInGuide(shuffled, 'language-cafe')).toBeUndefined()
    expect(nextInGuide(shuffled, 'no-such-step')).toBeUndefined()
  })
})

describe('content text fallback', () => {
  const step = FIXTURE_STEPS.find((s) => s.id === 'residence-permit')!

  it('shows the chosen language when the text has it', () => {
    expect(pickText(step.title, 'en')).toEqual({ text: 'Residence permit', lang: 'en', isFallback: false })
  })

  it('shows German with the "only in German" flag when the language is missing', () => {
    expect(pickText(step.title, 'ar')).toEqual({ text: 'Aufenthaltstitel', lang: 'de', isFallback: true })
    expect(pickText({ de: 'Text', uk: '' }, 'uk')).toMatchObject({ text: 'Text', isFallback: true })
  })

  it('never flags German itself as a fallback', () => {
    expect(pickText(step.title, 'de').isFallback).toBe(false)
  })
})

describe('the text a step shows', () => {
  const entry = (status: Record<string, 'outdated' | 'machine' | 'reviewed'>) => ({
    ...FIXTURE_STEPS.find((s) => s.id === 'anmeldung')!,
    status,
  })

  it('shows a reviewed translation without a hint, and German itself never with one', () => {
    expect(stepText(entry({ de: 'reviewed', en: 'reviewed' }), 'en')).toMatchObject({ lang: 'en', title: 'Register your address', hint: null })
    expect(stepText(entry({ de: 'reviewed', en: 'reviewed' }), 'de')).toMatchObject({ lang: 'de', hint: null })
  })

  it('marks a machine and an outdated translation, and falls back to German for a missing one', () => {
    expect(stepText(entry({ de: 'reviewed', en: 'machine' }), 'en').hint).toBe('machine')
    expect(stepText(entry({ de: 'reviewed', en: 'outdated' }), 'en')).toMatchObject({ lang: 'en', hint: 'outdated' })
    expect(stepText(entry({ de: 'reviewed' }), 'en')).toMatchObject({ lang: 'de', title: 'Wohnung anmelden (Anmeldung)', bring: ['Pass', 'Wohnungsgeberbestätigung'], hint: 'only-german' })
  })

  it('says the checked date as a calendar day in the person’s language', () => {
    expect(formatCheckedOn('2026-03-03', 'en')).toBe('March 3, 2026')
    expect(formatCheckedOn('2026-03-03', 'de')).toBe('3. März 2026')
  })
})
