import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { buildTestApp } from './test-app.ts'
import { consents, insertEventDate, postJson, registration, tandemOffer } from './volunteering-fixtures.ts'
import { checkRegistration, checkTandem } from '../../src/shared/volunteering/rules.ts'

// Inputs a form can produce, each with at most one mistake (the server reports the first one it finds).
const TANDEMS: Array<[string, Record<string, unknown>]> = [
  ['a valid offer', tandemOffer()],
  ['a minimal request', { role: 'request', kind: 'sponsorship', name: 'Ola', phone: '+380 44 123 4567', district: 'harz', consents: consents(false) }],
  ['an empty name', tandemOffer({ name: '   ' })],
  ['a long name', tandemOffer({ name: 'n'.repeat(101) })],
  ['a name of 100 letters with umlauts', tandemOffer({ name: 'ä'.repeat(100) })],
  ['a broken e-mail', tandemOffer({ email: 'erika at example.org' })],
  ['an e-mail without a dot in the domain', tandemOffer({ email: 'erika@localhost' })],
  ['a phone with letters', tandemOffer({ phone: '0391-CALL' })],
  ['a phone that is too short', tandemOffer({ phone: '012' })],
  ['a phone in 0049 form', tandemOffer({ phone: '0049 (0) 391 555 0100' })],
  ['no contact at all', tandemOffer({ email: '', phone: '' })],
  ['no district', tandemOffer({ district: '' })],
  ['an unknown district', tandemOffer({ district: 'atlantis' })],
  ['an unknown kind', tandemOffer({ kind: 'dating' })],
  ['a bad language level', tandemOffer({ languages: [{ code: 'de', level: 'perfect' }] })],
  ['a bad language code', tandemOffer({ languages: [{ code: 'Deutsch', level: 'native' }] })],
  ['a made-up availability slot', tandemOffer({ availability: ['mon-night'] })],
  ['a duplicated slot', tandemOffer({ availability: ['mon-morning', 'mon-morning'] })],
  ['a note that is too long', tandemOffer({ note: 'x'.repeat(1001) })],
  ['a travel distance beyond the list', tandemOffer({ travelKm: 500 })],
  ['no consent', tandemOffer({ consents: {} })],
]

describe('the form validator and the server agree', () => {
  it('on tandems', async () => {
    const { app } = await buildTestApp('pglite')
    for (const [label, input] of TANDEMS) {
      const form = checkTandem(input)
      const res = await app.inject(postJson('/api/v1/tandems', input))
      const expected = Object.keys(form.errors).length === 0 ? { status: 201, fields: undefined } : { status: 400, fields: form.errors }
      expect({ label, status: res.statusCode, fields: res.json().fields }).toEqual({ label, ...expected })
    }
  })

  it('on registrations', async () => {
    const { app, db } = await buildTestApp('pglite')
    const occurrenceId = await insertEventDate(db)
    const cases = [
      registration(occurrenceId),
      { ...registration(occurrenceId), email: '' },
      { ...registration(occurrenceId), email: 'x@y' },
      { ...registration(occurrenceId), workingGroup: 'sports' },
      { ...registration(occurrenceId), organisation: 'o'.repeat(151) },
      { ...registration(occurrenceId), occurrenceId: 'bad id with spaces' },
      { ...registration(occurrenceId), consents: {} },
    ]
    for (const input of cases) {
      const form = checkRegistration(input)
      const res = await app.inject(postJson('/api/v1/registrations', input, randomUUID()))
      if (Object.keys(form.errors).length === 0) expect(res.statusCode).toBe(201)
      else expect({ status: res.statusCode, fields: res.json().fields }).toEqual({ status: 400, fields: form.errors })
    }
  })
})
