import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import AuditEntryRow from '../../../src/coordination/audit/AuditEntryRow.vue'
import { foldLogins } from '../../../src/coordination/audit/audit-rows.ts'
import type { AuditEntryDto } from '../../../src/shared/coordination/audit.schema.ts'
import { LOCALES } from '../../../src/i18n/locales.ts'

const files = import.meta.glob<Record<string, unknown>>('../../../locales/coordination/audit.*.json', { eager: true, import: 'default' })
const messages = Object.fromEntries(LOCALES.map((l) => [l.code, files[`../../../locales/coordination/audit.${l.code}.json`] as Record<string, never>]))

let nextId = 100
function entry(action: string, overrides: Partial<AuditEntryDto> = {}): AuditEntryDto {
  return { id: nextId--, at: '2026-11-29T10:00:00.000Z', actor: 'anna@example.org', action, entity: 'meetup', entityId: 'x', district: 'stendal', details: {}, subject: {}, ...overrides }
}

function row(e: AuditEntryDto, locale = 'de') {
  const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'de', messages })
  return mount({ components: { AuditEntryRow }, props: ['e'], template: '<table><tbody><AuditEntryRow :entry="e" /></tbody></table>' }, { props: { e }, global: { plugins: [i18n] } })
}

describe('audit log rows', () => {
  it('folds each run of logins into one row and keeps every other entry', () => {
    const log = [entry('coordinator.login'), entry('coordinator.login'), entry('meetup.update'), entry('coordinator.login'), entry('date.cancel')]
    expect(foldLogins(log).map((r) => (r.kind === 'logins' ? `logins×${r.entries.length}` : r.entry.action))).toEqual(['logins×2', 'meetup.update', 'logins×1', 'date.cancel'])
  })

  it('says what happened in words, in every language: action, names, changed fields', () => {
    for (const code of LOCALES.map((l) => l.code)) {
      for (const action of ['coordinator.login', 'meetup.update', 'date.move', 'partner-request.apply', 'match.propose', 'registration.cancel', 'partner.attendance']) {
        expect(row(entry(action), code).text(), `${code} ${action}`).not.toContain(action)
      }
    }
    const update = row(entry('meetup.update', { details: { changed: ['capacity', 'registrationRequired'] }, subject: { event: { de: 'Sprachcafé', en: 'Language café' } } }), 'en')
    expect(update.text()).toContain('Event changed')
    expect(update.text()).toContain('Language café')
    expect(update.text()).toContain('Changed: Places, Registration required')
    const match = row(entry('match.propose', { actor: 'system', entity: 'match', subject: { name: 'Olena', otherName: 'Jonas' } }))
    expect(match.text()).toContain('Automatisch')
    expect(match.text()).toContain('Olena – Jonas')
    const erased = row(entry('registration.cancel', { entity: 'registration', subject: { event: { de: 'Sprachcafé' }, startsAt: '2026-12-03T16:00:00.000Z' } }))
    expect(erased.text()).toContain('Sprachcafé, 03.12.2026, 17:00 · Angaben gelöscht')
  })
})
