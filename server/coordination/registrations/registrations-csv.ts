import {
  CSV_LANGUAGES,
  type CsvLanguage,
  type CsvSeparatorName,
  type RegistrationListDto,
  type RegistrationRowDto,
} from '../../../src/shared/coordination/registrations.schema.ts'
import { CSV_SEPARATORS, csvContentDisposition, toCsv } from './csv-writer.ts'
import { toBerlinWallTime } from '../../../src/shared/berlin-time.ts'
import { appMessages, coordinationMessages } from '../../i18n/locale-messages.ts'

/** The words a CSV needs, from the workspace's own texts (locales/coordination/registrations.<code>.json). */
interface CsvTexts {
  fileName: string
  header: { status: string; name: string; organisation: string; email: string; workingGroup: string; registeredAt: string; attendance: string }
  erased: string
  yes: string
  no: string
  status: Record<string, string>
  workingGroups: Record<string, string>
}

const texts = new Map<CsvLanguage, CsvTexts>()

/** The texts of a language, read once; working group names come from the app's main texts. */
export function csvTexts(lang: CsvLanguage): CsvTexts {
  let found = texts.get(lang)
  if (!found) {
    const mine = coordinationMessages('registrations', lang).coordinationRegistrations as {
      csv: Omit<CsvTexts, 'status' | 'workingGroups'>
      status: Record<string, string>
    }
    const app = appMessages(lang) as { volunteering: { workingGroups: Record<string, string> } }
    found = { ...mine.csv, status: mine.status, workingGroups: app.volunteering.workingGroups }
    texts.set(lang, found)
  }
  return found
}

/** An instant as Berlin wall time, `2026-12-03 17:05`: read as a date and time by Excel and LibreOffice in any language. */
export function berlinStamp(iso: string): string {
  const w = toBerlinWallTime(new Date(iso))
  const two = (n: number) => String(n).padStart(2, '0')
  return `${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}`
}

function row(r: RegistrationRowDto, t: CsvTexts): string[] {
  return [
    t.status[r.status] ?? r.status,
    r.erased ? t.erased : (r.name ?? ''),
    r.organisation ?? '',
    r.email ?? '',
    r.workingGroup ? (t.workingGroups[r.workingGroup] ?? r.workingGroup) : '',
    berlinStamp(r.registeredAt),
    r.attendance === 'yes' ? t.yes : r.attendance === 'no' ? t.no : '',
  ]
}

export interface CsvFile {
  /** Starts with the BOM; sent as UTF-8. */
  body: string
  contentDisposition: string
}

/** One date's list as a CSV file, header in `lang`, with its download name (`anmeldungen-2026-12-03-1700-<title>.csv`). */
export function registrationsCsv(list: RegistrationListDto, separator: CsvSeparatorName, lang: CsvLanguage): CsvFile {
  const t = csvTexts(CSV_LANGUAGES.includes(lang) ? lang : 'de')
  const h = t.header
  const rows = [[h.status, h.name, h.organisation, h.email, h.workingGroup, h.registeredAt, h.attendance], ...list.registrations.map((r) => row(r, t))]
  const start = berlinStamp(list.date.startsAt).replace(' ', '-').replace(':', '')
  const title = list.date.title[lang] ?? list.date.title.de ?? ''
  return {
    body: toCsv(rows, CSV_SEPARATORS[separator]),
    contentDisposition: csvContentDisposition([t.fileName, start, title]),
  }
}
