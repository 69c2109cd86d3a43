import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { toBerlinWallTime } from '../../src/shared/berlin-time.ts'
import { expandStarts, formatLocalDateTime } from '../../src/shared/meetups/recurrence.ts'
import type { LocalizedText } from '../../src/shared/localized-text.ts'
import { countMeetups } from './meetups.repository.ts'
import { saveSeries, type SeriesInput } from './series.repository.ts'

interface SampleSeries {
  key: string
  kind: string
  title: LocalizedText
  description: LocalizedText
  district: string
  placeName: string
  address: string
  latitude?: number
  longitude?: number
  accessibility?: LocalizedText
  organiser: string
  languages: string[]
  audience: string[]
  cost?: LocalizedText
  registrationRequired?: boolean
  capacity?: number
  rrule: string
  hour: number
  minute?: number
  durationMinutes: number
}

const NETWORK_DESCRIPTION = (topic: string): LocalizedText => ({
  de: `Arbeitsgruppe des Netzwerks Magdeburg zum Thema „${topic}“. Für Partnerorganisationen und Ehrenamtliche; bitte anmelden.`,
  en: `Working group of the Magdeburg network on "${topic}". For partner organisations and volunteers; please register.`,
  uk: `Робоча група мережі Магдебурга на тему «${topic}». Для партнерських організацій і волонтерів; потрібна реєстрація.`,
  ar: `مجموعة عمل شبكة ماغدبورغ حول موضوع "${topic}". للمنظمات الشريكة والمتطوعين؛ يرجى التسجيل.`,
})

// Sample data only: invented places at "Beispielstraße", no real people, phone numbers or addresses.
const SERIES: SampleSeries[] = [
  {
    key: 'welcome-table-stendal',
    kind: 'welcome-table',
    title: { de: 'Welcome Table Stendal', en: 'Welcome Table Stendal', uk: 'Welcome Table Штендаль', ar: 'طاولة الترحيب في شتندال' },
    description: {
      de: 'Lockeres Treffen für Fachkräfte, die neu in der Altmark sind. Einfach vorbeikommen.',
      en: 'An informal meetup for skilled workers who are new to the Altmark. Just drop in.',
      uk: 'Неформальна зустріч для фахівців, які нещодавно переїхали в Альтмарк. Просто приходьте.',
      ar: 'لقاء غير رسمي للعاملين المهرة الجدد في منطقة ألتمارك. تعال ببساطة.',
    },
    district: 'stendal',
    placeName: 'Gemeindesaal (Beispiel)',
    address: 'Beispielstraße 1, 39576 Stendal',
    latitude: 52.6055,
    longitude: 11.8594,
    accessibility: { de: 'Ebenerdiger Eingang, barrierefreies WC.', en: 'Step-free entrance, accessible toilet.' },
    organiser: 'Unternehmen der Altmark (Beispiel)',
    languages: ['de', 'en'],
    audience: ['newcomers'],
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH',
    hour: 17,
    durationMinutes: 120,
  },
  {
    key: 'language-cafe-stendal',
    kind: 'language-cafe',
    title: { de: 'Sprachcafé Stendal', en: 'Language café Stendal', uk: 'Мовне кафе Штендаль', ar: 'مقهى اللغة في شتندال' },
    description: {
      de: 'Deutsch sprechen üben bei Kaffee und Tee. Alle Niveaus sind willkommen.',
      en: 'Practise speaking German over coffee and tea. All levels are welcome.',
      uk: 'Практикуйте німецьку мову за кавою та чаєм. Запрошуємо всіх, незалежно від рівня.',
      ar: 'تدرّب على التحدث بالألمانية مع القهوة والشاي. جميع المستويات مرحّب بها.',
    },
    district: 'stendal',
    placeName: 'Stadtbibliothek (Beispiel)',
    address: 'Beispielstraße 5, 39576 Stendal',
    latitude: 52.6029,
    longitude: 11.8566,
    organiser: 'Stadtbibliothek (Beispiel)',
    languages: ['de', 'uk', 'ar'],
    audience: ['newcomers', 'volunteers'],
    rrule: 'FREQ=WEEKLY;BYDAY=TU',
    hour: 16,
    durationMinutes: 90,
  },
  {
    key: 'language-cafe-salzwedel',
    kind: 'language-cafe',
    title: { de: 'Sprachcafé Salzwedel', en: 'Language café Salzwedel', uk: 'Мовне кафе Зальцведель', ar: 'مقهى اللغة في زالتسفيدل' },
    description: {
      de: 'Im Raum der Freiwilligen Feuerwehr. Kinder dürfen mitkommen.',
      en: 'In the room of the volunteer fire brigade. Children are welcome too.',
      uk: 'У приміщенні добровільної пожежної команди. Можна приходити з дітьми.',
      ar: 'في قاعة فرقة الإطفاء التطوعية. يمكن إحضار الأطفال.',
    },
    district: 'altmarkkreis-salzwedel',
    placeName: 'Feuerwehrhaus (Beispiel)',
    address: 'Beispielweg 2, 29410 Salzwedel',
    organiser: 'Freiwillige Feuerwehr (Beispiel)',
    languages: ['de', 'ru', 'uk'],
    audience: ['newcomers'],
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE',
    hour: 18,
    durationMinutes: 90,
  },
  {
    key: 'welcome-table-harz',
    kind: 'welcome-table',
    title: { de: 'Welcome Table Harz', en: 'Welcome Table Harz', uk: 'Welcome Table Гарц', ar: 'طاولة الترحيب في هارتس' },
    description: {
      de: 'Neue und alte Nachbarinnen und Nachbarn lernen sich kennen.',
      en: 'New and old neighbours get to know each other.',
      uk: 'Нові та давні сусіди знайомляться одне з одним.',
      ar: 'الجيران الجدد والقدامى يتعرفون على بعضهم.',
    },
    district: 'harz',
    placeName: 'Sportvereinsheim (Beispiel)',
    address: 'Beispielplatz 3, 06484 Quedlinburg',
    organiser: 'Sportverein (Beispiel)',
    languages: ['de', 'en', 'ar'],
    audience: ['newcomers', 'volunteers'],
    cost: { de: '2 € für Kaffee und Kuchen', en: '€2 for coffee and cake' },
    rrule: 'FREQ=MONTHLY;BYDAY=-1FR',
    hour: 18,
    durationMinutes: 120,
  },
  ...(
    [
      // Each group meets up to five times a year (seed 004, Geschäftsordnung § 5 (2)): here every three months.
      ['ag-arbeit', 'AG Arbeit und Ausbildung', 'Arbeit und Ausbildung', 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU', 10],
      ['ag-kultur', 'AG (Inter-)Kultur und Soziales', '(Inter-)Kultur und Soziales', 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE', 14],
      ['ag-sprache', 'AG Sprache', 'Sprache', 'FREQ=MONTHLY;INTERVAL=3;BYDAY=3TH', 15],
      // Cross-group meetings of all groups once or twice a year (§ 5 (2)): here twice.
      ['ag-uebergreifend', 'Arbeitsgruppenübergreifendes Treffen', 'Themen aller Arbeitsgruppen', 'FREQ=MONTHLY;INTERVAL=6;BYDAY=1WE', 16],
    ] as const
  ).map(
    ([key, title, topic, rrule, hour]): SampleSeries => ({
      key,
      kind: 'network-meeting',
      title: { de: `${title} (Netzwerk Magdeburg)` },
      description: NETWORK_DESCRIPTION(topic),
      district: 'magdeburg',
      placeName: 'Bürgerhaus (Beispiel)',
      address: 'Beispielallee 7, 39104 Magdeburg',
      latitude: 52.1277,
      longitude: 11.6292,
      organiser: 'Netzwerk Magdeburg (Beispiel)',
      languages: ['de'],
      audience: ['partners', 'volunteers'],
      registrationRequired: true,
      capacity: 20,
      rrule,
      hour,
      durationMinutes: 120,
    }),
  ),
  {
    key: 'landesnetzwerk',
    kind: 'network-meeting',
    title: { de: 'Landesweites Netzwerktreffen', en: 'Statewide network meeting', uk: 'Загальнорегіональна зустріч мережі', ar: 'لقاء الشبكة على مستوى الولاية' },
    description: {
      de: 'Treffen aller Netzwerke im Land: Austausch, Berichte aus den Arbeitsgruppen. Anmeldung nötig.',
      en: 'Meeting of all networks in the state: exchange and reports from the working groups. Registration required.',
      uk: 'Зустріч усіх мереж землі: обмін досвідом і звіти робочих груп. Потрібна реєстрація.',
      ar: 'لقاء جميع الشبكات في الولاية: تبادل الخبرات وتقارير مجموعات العمل. التسجيل مطلوب.',
    },
    district: 'magdeburg',
    placeName: 'Tagungshaus (Beispiel)',
    address: 'Beispielufer 4, 39104 Magdeburg',
    organiser: 'Landesnetzwerk (Beispiel)',
    languages: ['de', 'en'],
    audience: ['partners', 'volunteers'],
    registrationRequired: true,
    capacity: 20,
    rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR',
    hour: 10,
    durationMinutes: 240,
  },
]

/** A stable UUID per sample series, so the same sample meetup keeps its id on every server. */
function sampleId(key: string): string {
  const h = createHash('sha256').update(`willkommen-sample:${key}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** The sample series as inputs, starting at their first date from today (Berlin). */
export function sampleSeries(now: Date): SeriesInput[] {
  const yesterday = toBerlinWallTime(new Date(now.getTime() - 86400000))
  return SERIES.map((s) => {
    // Expanding from yesterday, the second start is the rule's first date from today on.
    const first = expandStarts({
      start: { ...yesterday, hour: s.hour, minute: s.minute ?? 0 },
      rrule: s.rrule,
      horizon: new Date(now.getTime() + 200 * 86400000),
    })[1]
    return {
      id: sampleId(s.key),
      kind: s.kind,
      title: s.title,
      description: s.description,
      district: s.district,
      placeName: s.placeName,
      address: s.address,
      latitude: s.latitude ?? null,
      longitude: s.longitude ?? null,
      accessibility: s.accessibility ?? null,
      organiser: s.organiser,
      languages: s.languages,
      audience: s.audience,
      cost: s.cost ?? null,
      registrationRequired: s.registrationRequired ?? false,
      capacity: s.capacity ?? null,
      startsLocal: formatLocalDateTime(first!.wall),
      durationMinutes: s.durationMinutes,
      rrule: s.rrule,
      exceptions: [],
      isSample: true,
    }
  })
}

/** Inserts the sample meetups with their dates into an empty database; returns how many. */
export async function insertSampleMeetups(db: Kysely<Database>, now: Date): Promise<number> {
  if ((await countMeetups(db)) > 0) return 0
  const all = sampleSeries(now)
  await db.transaction().execute(async (trx) => {
    for (const s of all) await saveSeries(trx, s, now)
  })
  return all.length
}
