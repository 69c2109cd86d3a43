import { gunzipSync, gzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { benchApp } from './bench-app.ts'
import { publishStep, readStepDetail, saveDraft } from '../../server/coordination/content/steps.service.ts'
import type { Coordinator } from '../../server/coordination/auth/sessions.ts'
import type { StepDraft } from '../../src/shared/guide/content-editor.schema.ts'
import type { SyncResponse } from '../../src/shared/sync.schema.ts'

const ADMIN: Coordinator = { id: 'bench', email: 'bench@example.org', role: 'admin', districts: [] }
const STEP = 'register-address'

/** One pull as a phone makes it (gzip accepted): what crossed the wire, and the JSON. */
async function pullOnce(app: FastifyInstance, query: string) {
  const res = await app.inject({ url: `/api/v1/sync?${query}`, headers: { 'accept-encoding': 'gzip' } })
  if (res.statusCode !== 200) throw new Error(`sync answered ${res.statusCode}: ${res.body}`)
  const encoding = String(res.headers['content-encoding'] ?? 'identity')
  const json = encoding === 'gzip' ? gunzipSync(res.rawPayload).toString('utf8') : res.body
  return { wire: res.rawPayload.length, encoding, json }
}

/**
 * What a phone downloads after one edited step is published: an admin adds a sentence to the German
 * text of "Register your address" (so every translation becomes `outdated`), then the phone pulls
 * since its cursor through the real sync route. Prints figures; asserts nothing.
 */
export async function printEditDelta(): Promise<void> {
  const { app, database, close } = await benchApp('pglite')
  try {
    for (const lang of ['de', 'ar']) {
      const scope = `districts=harz&langs=de${lang === 'de' ? '' : `&langs=${lang}`}`
      const first = await app.inject({ url: `/api/v1/sync?since=0&${scope}` })
      const { cursor } = first.json<SyncResponse>()
      const detail = await readStepDetail(database.db, ADMIN, STEP)
      const base = detail.draft ?? { ...detail.current, texts: detail.current.texts }
      const draft = { ...base, texts: { ...base.texts, de: { ...base.texts.de!, text: `${base.texts.de!.text}\n\nNeu (${lang}): Termine auch online.` } } } as StepDraft
      await saveDraft(database.db, ADMIN, STEP, detail.revision, draft)
      await publishStep(database.db, ADMIN, STEP, detail.revision + 1)
      const delta = await pullOnce(app, `since=${cursor}&${scope}`)
      const rows = Object.entries((JSON.parse(delta.json) as SyncResponse).changes).flatMap(([entity, items]) => items.map((item) => `${entity} ${item.id}`))
      console.log(
        `one edited step published, next sync of a phone in ${lang}: ${delta.json.length} B JSON, ${gzipSync(delta.json, { level: 9 }).length} B gzip ` +
          `(on the wire ${delta.wire} B, ${delta.encoding}); rows: ${rows.join(', ')}`,
      )
    }
  } finally {
    await close()
  }
}
