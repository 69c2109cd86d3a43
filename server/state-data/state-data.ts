import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { DISTRICT_SLUGS } from '../../src/shared/districts.ts'
import { CONTACT_FIELDS } from '../../src/shared/contact-fields.ts'
import { MEETUP_KINDS } from '../../src/shared/meetups/meetup-kinds.ts'
import type { GuideSeedStep } from '../../src/shared/guide/guide-step.schema.ts'
import { saveSeries } from '../meetups/series.repository.ts'
import { seedGuideSteps } from '../guide/guide-content.ts'
import { nextChangeSeq } from '../sync/change-seq.ts'

/**
 * The state-scale data set (issue 15), generated from a fixed seed so every run gives the same rows:
 * 14 districts, 150 meetup series with a year of dates, 800 contacts, 60 guide steps in 21 languages
 * with local notes, 5,000 registrations, 1,000 tandem entries. Marked as sample data.
 */
export const STATE_SIZES = { series: 150, contacts: 800, steps: 60, notesPerDistrict: 4, registrations: 5000, tandems: 1000 }
/** German plus the twenty languages of issue 15's count (codes only; texts are generated). */
export const STATE_LANGS = ['de', 'en', 'uk', 'ar', 'ru', 'fa', 'tr', 'pl', 'ro', 'bg', 'ku', 'ti', 'so', 'ps', 'vi', 'fr', 'es', 'sq', 'sr', 'hr', 'it']

const WORDS = (
  'amt termin antrag ausweis wohnung miete arbeit schule kita arzt bank konto versicherung kurs sprache ' +
  'formular unterlagen beratung stelle öffnungszeiten anmeldung bescheinigung familie kinder nachweis ' +
  'frist gebühr hilfe büro straße stadt landkreis bus bahn fahrkarte jobcenter ausländerbehörde'
).split(' ')

function random(seed: number): () => number {
  let s = seed
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648
}

function uuidOf(text: string): string {
  const h = createHash('sha256').update(text).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`
}

function words(rnd: () => number, count: number, lang: string): string {
  const out: string[] = []
  for (let i = 0; i < count; i++) out.push(WORDS[Math.floor(rnd() * WORDS.length)]!)
  return `${lang === 'de' ? '' : `[${lang}] `}${out.join(' ')}.`
}

function guideSteps(rnd: () => number): GuideSeedStep[] {
  const phases = ['planning', 'first-steps', 'settling-in'] as const
  return Array.from({ length: STATE_SIZES.steps }, (_, i) => {
    const per = (n: number) => Object.fromEntries(STATE_LANGS.map((lang) => [lang, words(rnd, n, lang)]))
    return {
      id: `state-step-${String(i + 1).padStart(2, '0')}`,
      phase: phases[i % 3]!,
      order: i,
      contactFields: [CONTACT_FIELDS[i % CONTACT_FIELDS.length]!],
      title: per(4),
      text: per(90),
      bring: Object.fromEntries(STATE_LANGS.map((lang) => [lang, [words(rnd, 2, lang), words(rnd, 3, lang)]])),
    }
  })
}

export interface StateDataResult {
  series: number
  occurrences: number
  contacts: number
  steps: number
  notes: number
  registrations: number
  tandems: number
}

/** Loads the data set into an empty, migrated database (refuses one that has meetups or guide steps). */
export async function loadStateData(db: Kysely<Database>, now: Date): Promise<StateDataResult> {
  const used = (await db.selectFrom('meetups').select('id').limit(1).executeTakeFirst()) ?? (await db.selectFrom('guide_steps').select('id').limit(1).executeTakeFirst())
  if (used) throw new Error('the database has content already: load the state data set into a new, empty one')
  const rnd = random(15)
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rnd() * values.length)]!

  await seedGuideSteps(db, guideSteps(rnd))
  await db.transaction().execute(async (trx) => {
    for (const district of DISTRICT_SLUGS) {
      for (let n = 0; n < STATE_SIZES.notesPerDistrict; n++) {
        const text = { de: words(rnd, 30, 'de'), en: words(rnd, 30, 'en') }
        const seq = await nextChangeSeq(trx, { district })
        await trx
          .insertInto('guide_notes')
          .values({ id: `note-${district}-${n}`, step_id: `state-step-${String(1 + n * 7).padStart(2, '0')}`, district, text: JSON.stringify(text), status: JSON.stringify({ en: 'machine' }), seq })
          .execute()
      }
    }
  })

  const day = now.toISOString().slice(0, 10)
  for (let i = 0; i < STATE_SIZES.series; i++) {
    const district = DISTRICT_SLUGS[i % DISTRICT_SLUGS.length]!
    const rule = pick(['FREQ=WEEKLY', 'FREQ=WEEKLY;INTERVAL=2', 'FREQ=MONTHLY;BYDAY=2TH'])
    await db.transaction().execute((trx) =>
      saveSeries(
        trx,
        {
          id: uuidOf(`state-series-${i}`),
          kind: pick(MEETUP_KINDS),
          title: { de: `Treffen ${i} (Beispiel)`, en: `Meetup ${i} (example)`, uk: `Зустріч ${i}`, ar: `لقاء ${i}` },
          description: { de: words(rnd, 40, 'de'), en: words(rnd, 40, 'en') },
          district,
          placeName: `Gemeindehaus ${i} (Beispiel)`,
          address: `Beispielstraße ${i}, 39000 Beispielort`,
          latitude: 51.5 + rnd(),
          longitude: 11 + rnd(),
          accessibility: null,
          organiser: 'Beispielverein',
          languages: ['de', pick(STATE_LANGS)],
          audience: ['newcomers'],
          cost: null,
          registrationRequired: i % 5 === 0,
          capacity: null,
          startsLocal: `${day}T${String(14 + (i % 6)).padStart(2, '0')}:00`,
          durationMinutes: 90,
          rrule: rule,
          exceptions: [],
          isSample: true,
        },
        now,
      ),
    )
  }

  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < STATE_SIZES.contacts; i++) {
      const district = DISTRICT_SLUGS[i % DISTRICT_SLUGS.length]!
      await trx
        .insertInto('contacts')
        .values({
          id: `state-contact-${i}`,
          name: `Beratungsstelle ${i} (Beispiel)`,
          kind: JSON.stringify({ de: 'Beratung', en: 'Counselling' }),
          fields: [pick(CONTACT_FIELDS)],
          district,
          address: `Beispielweg ${i}, 39000 Beispielort`,
          opening_hours: JSON.stringify({ de: 'Mo–Do 9–12 Uhr', en: 'Mon–Thu 9–12' }),
          phone: `+49 391 ${String(100000 + i)}`,
          email: `stelle${i}@example.org`,
          website: null,
          languages: ['de', pick(STATE_LANGS)],
          is_sample: true,
          seq: await nextChangeSeq(trx, { district }),
        })
        .execute()
    }
  })

  // People's entries: not synced, but they make the tables as big as a state's.
  const dates = await db.selectFrom('meetup_occurrences').select(['id', 'ends_at']).where('starts_at', '>', now).execute()
  const token = (kind: string, i: number) => createHash('sha256').update(`${kind}-${i}`).digest('hex')
  const registrations = Array.from({ length: STATE_SIZES.registrations }, (_, i) => {
    const date = dates[Math.floor(rnd() * dates.length)]!
    return {
      id: uuidOf(`state-registration-${i}`),
      occurrence_id: date.id,
      status: 'confirmed' as const,
      name: `Person ${i}`,
      organisation: null,
      email: `person${i}@example.org`,
      working_group: 'language',
      consents: JSON.stringify({ privacy: true }),
      locale: 'de',
      event_ends_at: date.ends_at,
      manage_token_hash: token('registration', i),
    }
  })
  for (let i = 0; i < registrations.length; i += 500) await db.insertInto('registrations').values(registrations.slice(i, i + 500)).execute()
  await sql`
    insert into registration_counters (occurrence_id, confirmed)
    select occurrence_id, count(*) from registrations where status = 'confirmed' group by occurrence_id
    on conflict (occurrence_id) do update set confirmed = excluded.confirmed`.execute(db)
  const tandems = Array.from({ length: STATE_SIZES.tandems }, (_, i) => ({
    id: uuidOf(`state-tandem-${i}`),
    role: i % 2 ? ('offer' as const) : ('request' as const),
    kind: 'language',
    status: 'received' as const,
    district: DISTRICT_SLUGS[i % DISTRICT_SLUGS.length]!,
    details: JSON.stringify({ name: `Person ${i}`, email: `tandem${i}@example.org`, languages: ['de', pick(STATE_LANGS)] }),
    consents: JSON.stringify({ privacy: true }),
    locale: 'de',
    manage_token_hash: token('tandem', i),
    created_at: now,
    renewed_at: now,
  }))
  for (let i = 0; i < tandems.length; i += 500) await db.insertInto('tandems').values(tandems.slice(i, i + 500)).execute()

  const count = async (table: 'meetup_occurrences') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
  return {
    series: STATE_SIZES.series,
    occurrences: await count('meetup_occurrences'),
    contacts: STATE_SIZES.contacts,
    steps: STATE_SIZES.steps,
    notes: STATE_SIZES.notesPerDistrict * DISTRICT_SLUGS.length,
    registrations: registrations.length,
    tandems: tandems.length,
  }
}
