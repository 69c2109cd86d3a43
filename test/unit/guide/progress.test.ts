import { describe, expect, it } from 'vitest'
import { currentPhase, phaseProgress, stepsOfPhase } from '../../../src/guide/progress.ts'
import { pickText } from '../../../src/i18n/localized.ts'
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

describe('what to bring', () => {
  it('takes the chosen language, else the German list flagged as fallback, else nothing', async () => {
    const { pickList } = await import('../../../src/guide/bring-list.ts')
    const bring = { de: ['Pass'], en: ['Passport'], uk: [] }
    expect(pickList(bring, 'en')).toEqual({ items: ['Passport'], lang: 'en', isFallback: false })
    expect(pickList(bring, 'uk')).toEqual({ items: ['Pass'], lang: 'de', isFallback: true })
    expect(pickList(bring, 'de')).toEqual({ items: ['Pass'], lang: 'de', isFallback: false })
    expect(pickList({}, 'ar')).toEqual({ items: [], lang: 'de', isFallback: false })
  })
})
