import type { Kysely } from 'kysely'
import { po, type PoData, type PoTranslation } from 'gettext-parser'
import type { Database } from '../../db/schema.ts'
import type { StoredStatus } from '../../../src/shared/guide/guide-step.schema.ts'
import type { TranslationImportResult } from '../../../src/shared/guide/content-editor.schema.ts'
import { Problem } from '../../errors/problem.ts'
import { writeGuideText } from '../../guide/guide.repository.ts'
import type { Coordinator } from '../auth/sessions.ts'
import { writeAudit } from '../audit/audit.ts'
import { cleanText } from './steps.service.ts'

/**
 * Guide texts of one language as a gettext PO file for translators' own tools, and back.
 * A unit per step and part: msgctxt `<stepId>|title`, `|text` or `|bring` (one item a line), msgid the
 * current German, msgstr the translation. Units whose translation is not checked (machine, outdated)
 * carry the `fuzzy` flag; a translator who removes it marks the translation reviewed.
 */
const PARTS = ['title', 'text', 'bring'] as const
type Part = (typeof PARTS)[number]

interface TextRow {
  step_id: string
  lang: string
  title: string
  text: string
  bring: string[]
  status: StoredStatus
}

const partValue = (row: Pick<TextRow, Part>, part: Part) => (part === 'bring' ? row.bring.join('\n') : row[part])

/** Steps the coordinator may change: all for an admin, else their districts' own steps. */
async function editableSteps(db: Kysely<Database>, coordinator: Coordinator) {
  let query = db.selectFrom('guide_steps').select(['id', 'district']).where('published', '=', true).orderBy('phase').orderBy('position').orderBy('id')
  if (coordinator.role !== 'admin') query = query.where('district', 'in', coordinator.districts.length ? coordinator.districts : ['-'])
  return query.execute()
}

export async function exportPo(db: Kysely<Database>, coordinator: Coordinator, lang: string, onlyOpen: boolean): Promise<string> {
  const steps = await editableSteps(db, coordinator)
  const texts = await db.selectFrom('guide_texts').select(['step_id', 'lang', 'title', 'text', 'bring', 'status']).where('lang', 'in', ['de', lang]).execute()
  const byKey = new Map(texts.map((t) => [`${t.step_id}:${t.lang}`, t]))
  const units: Record<string, PoTranslation> = {}
  for (const step of steps) {
    const de = byKey.get(`${step.id}:de`)
    if (!de) continue
    const own = byKey.get(`${step.id}:${lang}`)
    if (onlyOpen && own?.status === 'reviewed') continue
    for (const part of PARTS) {
      const source = partValue(de, part)
      if (!source) continue
      const ctx = `${step.id}|${part}`
      units[ctx] = {
        msgctxt: ctx,
        msgid: source,
        msgstr: [own ? partValue(own, part) : ''],
        comments: { extracted: own ? `status: ${own.status}` : 'status: missing', ...(own && own.status !== 'reviewed' ? { flag: 'fuzzy' } : {}) },
      }
    }
  }
  const data: PoData = {
    charset: 'utf-8',
    headers: { 'Content-Type': 'text/plain; charset=utf-8', Language: lang, 'Project-Id-Version': 'Willkommen guide' },
    translations: Object.fromEntries(Object.entries(units).map(([ctx, unit]) => [ctx, { [unit.msgid]: unit }])),
  }
  return po.compile(data, { foldLength: 0 }).toString('utf8')
}

function parse(file: string): PoTranslation[] {
  let data: PoData
  try {
    data = po.parse(file)
  } catch {
    throw new Problem(400, 'po_invalid', 'This is not a readable PO file.')
  }
  return Object.values(data.translations)
    .flatMap((byId) => Object.values(byId))
    .filter((u) => u.msgid !== '')
}

/**
 * Takes a translated PO file back. Refuses the whole file, naming the units, when a unit's German no
 * longer matches the current German or names no step part the coordinator may change. Changes only
 * steps whose translation or review state the translator changed; reports units left empty.
 */
export async function importPo(db: Kysely<Database>, coordinator: Coordinator, lang: string, file: string): Promise<TranslationImportResult> {
  if (lang === 'de') throw new Problem(400, 'validation', 'German is the source; it is edited in the workspace.', { lang: 'source_language' })
  const units = parse(file)
  const steps = new Map((await editableSteps(db, coordinator)).map((s) => [s.id, s]))
  const texts = await db.selectFrom('guide_texts').select(['step_id', 'lang', 'title', 'text', 'bring', 'status']).where('lang', 'in', ['de', lang]).execute()
  const byKey = new Map(texts.map((t) => [`${t.step_id}:${t.lang}`, t]))

  const fields: Record<string, string> = {}
  const perStep = new Map<string, { values: Partial<Record<Part, string>>; fuzzy: boolean }>()
  const empty: string[] = []
  for (const unit of units) {
    const ctx = unit.msgctxt ?? ''
    const [stepId = '', part = ''] = ctx.split('|')
    const de = byKey.get(`${stepId}:de`)
    if (!steps.has(stepId) || !de || !(PARTS as readonly string[]).includes(part)) {
      fields[ctx || unit.msgid.slice(0, 40)] = 'unknown_unit'
      continue
    }
    if (partValue(de, part as Part) !== unit.msgid) {
      fields[ctx] = 'source_changed'
      continue
    }
    const value = unit.msgstr[0] ?? ''
    if (!value.trim()) {
      empty.push(ctx)
      continue
    }
    const entry = perStep.get(stepId) ?? { values: {}, fuzzy: false }
    entry.values[part as Part] = value
    entry.fuzzy ||= (unit.comments?.flag ?? '').split(',').map((f) => f.trim()).includes('fuzzy')
    perStep.set(stepId, entry)
  }
  if (Object.keys(fields).length > 0) {
    throw new Problem(409, 'po_mismatch', 'Some units no longer match the current German text; export the file again.', fields)
  }

  const changed: string[] = []
  await db.transaction().execute(async (trx) => {
    for (const [stepId, { values, fuzzy }] of perStep) {
      const before = byKey.get(`${stepId}:${lang}`)
      const title = values.title ?? before?.title
      if (!title) {
        throw new Problem(409, 'po_mismatch', 'A translation needs a title.', { [`${stepId}|title`]: 'required' })
      }
      const next = cleanText({ title, text: values.text ?? before?.text ?? '', bring: (values.bring ?? before?.bring.join('\n') ?? '').split('\n'), status: 'reviewed' })
      const status: StoredStatus = fuzzy ? (before?.status === 'outdated' ? 'outdated' : 'machine') : 'reviewed'
      const same = before && before.title === next.title && before.text === next.text && before.bring.join('\n') === next.bring.join('\n') && before.status === status
      if (same) continue
      await writeGuideText(trx, { id: stepId, district: steps.get(stepId)!.district }, lang, next, status)
      changed.push(stepId)
    }
    if (changed.length) {
      await writeAudit(trx, { actor: coordinator.email, action: 'guide-translation.import', entity: 'guide-translation', entityId: lang, district: null, details: { steps: changed } })
    }
  })
  return { changed, empty, units: units.length }
}
