import { describe, expect, it } from 'vitest'
import { joinGuide } from '../../../src/guide/guide-entry.ts'
import { stepText } from '../../../src/guide/step-text.ts'
import type { GuideNote } from '../../../src/shared/guide/guide-step.schema.ts'
import { FIXTURE_ROWS } from '../../fixtures/guide-steps.ts'

const harzStep = { id: 'harz-bus', phase: 'settling-in' as const, order: 5, district: 'harz', contactFields: [], situations: [], sources: [], checkedOn: null }
const harzText = { id: 'harz-bus:de', stepId: 'harz-bus', lang: 'de', district: 'harz', title: 'Rufbus im Harz', text: 'x', bring: [], status: 'reviewed' as const }
const harzNote: GuideNote = { id: 'n1', stepId: 'anmeldung', district: 'harz', text: { de: 'Im Harz: nur mit Termin.' }, status: {} }
const rows = { steps: [...FIXTURE_ROWS.steps, harzStep], texts: [...FIXTURE_ROWS.texts, harzText], notes: [harzNote] }

describe('the guide as the phone shows it', () => {
  it('joins each step with its texts and their status per language', () => {
    const anmeldung = joinGuide(rows, undefined).find((s) => s.id === 'anmeldung')!
    expect(anmeldung.title).toMatchObject({ de: 'Wohnung anmelden (Anmeldung)', en: 'Register your address' })
    expect(anmeldung.status).toEqual({ de: 'reviewed', en: 'machine', uk: 'machine', ar: 'machine' })
    expect(anmeldung.bring.de).toEqual(['Pass', 'Wohnungsgeberbestätigung'])
  })

  it('shows district-only steps and local notes only to a phone of that district', () => {
    const harz = joinGuide(rows, 'harz')
    expect(harz.map((s) => s.id)).toContain('harz-bus')
    expect(harz.find((s) => s.id === 'anmeldung')!.notes).toEqual([harzNote])
    const stendal = joinGuide(rows, 'stendal')
    expect(stendal.map((s) => s.id)).not.toContain('harz-bus')
    expect(stendal.find((s) => s.id === 'anmeldung')!.notes).toEqual([])
    expect(joinGuide(rows, undefined).map((s) => s.id)).not.toContain('harz-bus')
  })

  it('leaves out a step whose texts have not arrived yet', () => {
    expect(joinGuide({ ...rows, texts: rows.texts.filter((t) => t.stepId !== 'anmeldung') }, 'harz').map((s) => s.id)).not.toContain('anmeldung')
  })

  it('shows a step in the person’s language while German has not arrived yet (a first visit’s first answer)', () => {
    const arabicOnly = joinGuide({ ...rows, texts: rows.texts.filter((t) => t.lang === 'ar') }, undefined)
    const anmeldung = arabicOnly.find((s) => s.id === 'anmeldung')!
    expect(stepText(anmeldung, 'ar')).toMatchObject({ lang: 'ar', title: rows.texts.find((t) => t.id === 'anmeldung:ar')!.title })
  })
})
