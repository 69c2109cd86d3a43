import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { insertEventDate, postJson, registration, tandemOffer } from './volunteering-fixtures.ts'

describe.each(DATABASES)('the manage-link view on %s', (kind) => {
  it('names the language the entry was sent in, so a fresh phone opens the page in it', async () => {
    const { app } = await buildTestApp(kind)
    const { manageToken } = (await app.inject(postJson('/api/v1/tandems', tandemOffer({ locale: 'uk' })))).json()
    expect((await app.inject({ url: `/api/v1/manage/${manageToken}` })).json()).toMatchObject({ type: 'tandem', locale: 'uk' })
  })

  it('names the event and the start of a registration\'s date, also after withdrawing', async () => {
    const { app, db } = await buildTestApp(kind)
    const startsAt = new Date(Date.now() + 5 * 24 * 3600_000)
    const occurrenceId = await insertEventDate(db, { startsAt })
    const { manageToken } = (await app.inject(postJson('/api/v1/registrations', { ...registration(occurrenceId), locale: 'ar' }))).json()
    const shown = (await app.inject({ url: `/api/v1/manage/${manageToken}` })).json()
    expect(shown).toMatchObject({
      locale: 'ar',
      about: { occurrenceId, event: { title: { de: 'AG Sprache (Beispiel)' }, startsAt: startsAt.toISOString(), placeName: 'Rathaus (Beispiel)' } },
    })
    await app.inject({ method: 'DELETE', url: `/api/v1/manage/${manageToken}` })
    expect((await app.inject({ url: `/api/v1/manage/${manageToken}` })).json()).toMatchObject({ status: 'cancelled', personal: null, about: { event: { startsAt: startsAt.toISOString() } } })
  })
})
