import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import RecurrenceBuilder from '../../../src/coordination/meetups/RecurrenceBuilder.vue'
import type { RecurrenceInput } from '../../../src/shared/coordination/meetup-editor.schema.ts'
import type { FieldErrors } from '../../../src/shared/validate.ts'

// The builder as a coordinator uses it: real German texts, a v-model the parent keeps, real dates.
const files = import.meta.glob<Record<string, unknown>>(['../../../locales/de.json', '../../../locales/coordination/meetups.de.json'], {
  eager: true,
  import: 'default',
})
const messages = { de: Object.assign({}, ...Object.values(files)) as Record<string, never> }

const NOW = new Date('2026-11-22T10:00:00Z')
// Thursday, 3 December 2026, 17:00 in Berlin.
const START = '2026-12-03T17:00'

function mountBuilder(recurrence: RecurrenceInput, errors: FieldErrors = {}) {
  const i18n = createI18n({ legacy: false, locale: 'de', fallbackLocale: 'de', messages })
  const wrapper = mount(RecurrenceBuilder, {
    props: {
      modelValue: recurrence,
      'onUpdate:modelValue': (value: RecurrenceInput) => wrapper.setProps({ modelValue: value }),
      startsLocal: START,
      durationMinutes: 90,
      errors,
      now: NOW,
    },
    global: { plugins: [i18n] },
  })
  return wrapper
}

const value = (wrapper: ReturnType<typeof mountBuilder>) => wrapper.props('modelValue')
const label = (wrapper: ReturnType<typeof mountBuilder>, text: string) => {
  const found = wrapper.findAll('label').find((l) => l.text().startsWith(text))
  if (!found) throw new Error(`no label "${text}"`)
  return found.find('input')
}
const previewDates = (wrapper: ReturnType<typeof mountBuilder>) => wrapper.findAll('[data-testid="rule-preview"] li time').map((t) => t.attributes('datetime'))

describe('RecurrenceBuilder', () => {
  it('ticks weekdays into the rule in week order and shows the dates that gives', async () => {
    const wrapper = mountBuilder({ type: 'weekly', interval: 1, weekdays: ['TH'], end: { type: 'none' } })
    expect(wrapper.get('[data-testid="rule-summary"]').text()).toBe('Jede Woche am Donnerstag, jeweils um 17:00 Uhr')
    expect(previewDates(wrapper)).toEqual(['2026-12-03T16:00:00.000Z', '2026-12-10T16:00:00.000Z', '2026-12-17T16:00:00.000Z', '2026-12-24T16:00:00.000Z', '2026-12-31T16:00:00.000Z'])

    await label(wrapper, 'Montag').setValue(true)
    expect(value(wrapper)).toEqual({ type: 'weekly', interval: 1, weekdays: ['MO', 'TH'], end: { type: 'none' } })
    expect(wrapper.get('[data-testid="rule-summary"]').text()).toBe('Jede Woche am Montag und Donnerstag, jeweils um 17:00 Uhr')
    expect(previewDates(wrapper).slice(0, 3)).toEqual(['2026-12-03T16:00:00.000Z', '2026-12-07T16:00:00.000Z', '2026-12-10T16:00:00.000Z'])

    await wrapper.get('#rule-interval').setValue('2')
    expect(value(wrapper).interval).toBe(2)
    expect(wrapper.get('[data-testid="rule-summary"]').text()).toBe('Alle 2 Wochen am Montag und Donnerstag, jeweils um 17:00 Uhr')

    await label(wrapper, 'Montag').setValue(false)
    await label(wrapper, 'Donnerstag').setValue(false)
    expect(value(wrapper).weekdays).toEqual([])
    expect(wrapper.find('[data-testid="rule-summary"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="rule-preview"]').text()).toContain('Die Vorschau erscheint, sobald')
  })

  it('switches to monthly on the n-th weekday and counts the dates of a series with an end', async () => {
    const wrapper = mountBuilder({ type: 'weekly', interval: 3, weekdays: ['TH'], end: { type: 'none' } })
    await label(wrapper, 'Monatlich').setValue(true)
    expect(value(wrapper)).toMatchObject({ type: 'monthly', interval: 1 })
    expect(wrapper.find('#rule-week').exists()).toBe(true)

    await wrapper.get('#rule-week').setValue('1')
    await wrapper.get('#rule-weekday').setValue('TH')
    expect(value(wrapper)).toMatchObject({ type: 'monthly', week: 1, weekday: 'TH' })
    expect(wrapper.get('[data-testid="rule-summary"]').text()).toBe('Jeden Monat am ersten Donnerstag, jeweils um 17:00 Uhr')
    expect(previewDates(wrapper).slice(0, 3)).toEqual(['2026-12-03T16:00:00.000Z', '2027-01-07T16:00:00.000Z', '2027-02-04T16:00:00.000Z'])
    expect(wrapper.text()).not.toContain('Termine insgesamt')

    await label(wrapper, 'Nach einer Zahl von Terminen').setValue(true)
    await wrapper.get('#rule-count').setValue('3')
    expect(value(wrapper).end).toEqual({ type: 'count', count: 3 })
    expect(previewDates(wrapper)).toHaveLength(3)
    expect(wrapper.text()).toContain('Termine insgesamt: 3')

    await label(wrapper, 'Einmalig').setValue(true)
    expect(value(wrapper).type).toBe('none')
    expect(wrapper.text()).not.toContain('Ende der Reihe')
    expect(wrapper.get('[data-testid="rule-summary"]').text()).toBe('Einmalig am 3. Dezember 2026 um 17:00 Uhr')
  })

  it('marks the fields the server or the form check named, and says why', () => {
    const wrapper = mountBuilder(
      { type: 'weekly', interval: 1, weekdays: [], end: { type: 'until', date: '2026-11-01' } },
      { 'recurrence.weekdays': 'errors.required', 'recurrence.end.date': 'coordinationMeetups.errors.untilBeforeStart' },
    )
    const weekdayBoxes = wrapper.findAll('input[type="checkbox"]')
    expect(weekdayBoxes).toHaveLength(7)
    for (const box of weekdayBoxes) expect(box.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('#rule-weekdays-error').text()).toBe('Bitte füllen Sie dieses Feld aus.')
    const until = wrapper.get('#rule-until')
    expect(until.attributes('aria-invalid')).toBe('true')
    expect(until.attributes('aria-describedby')).toBe('rule-until-error')
    expect(wrapper.get('#rule-until-error').text()).toBe('Das Ende liegt vor dem ersten Termin.')
  })
})
