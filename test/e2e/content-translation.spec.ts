import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import PO from 'pofile'
import { loginAsCoordinator, waitForServiceWorker } from './helpers.ts'

// A step no other spec edits (the e2e server's database is shared by all specs).
const STEP = 'waste-separation'
const TITLE_DE = 'Müll richtig trennen'
const ADDED_DE = 'Neu (Beispiel): Der gelbe Sack wird jetzt alle zwei Wochen abgeholt.'
const REVIEWED_AR = 'جديد (مثال): يُجمع الكيس الأصفر الآن كل أسبوعين. راجعه مترجم.'
const MACHINE_AR = 'ترجمة آلية'
const CHANGED_AR = 'تغيّر النص الألماني'

/** The step's row in the workspace list (filtered to Arabic, the list's first language). */
// Waits that depend on a sync: a pull can take long on a busy shared machine.
const afterSync = { timeout: 20_000 }

const arabicStatus = (page: Page) => page.getByTestId('content-step').filter({ hasText: TITLE_DE }).locator('[data-status]')

test('an admin changes the German text of a step: Arabic becomes outdated on the phone; a PO round trip makes it reviewed and the hint goes', async ({ page, browser }) => {
  test.setTimeout(180_000) // two devices, a download and an upload on a shared machine
  const phone = await (await browser.newContext({ ...test.info().project.use })).newPage()
  await phone.goto('/')
  await phone.getByRole('button', { name: 'العربية' }).click()
  await waitForServiceWorker(phone)
  await phone.goto(`/guide/step/${STEP}`)
  await expect(phone.getByTestId('text-hint')).toHaveText(MACHINE_AR, afterSync)

  await loginAsCoordinator(page, 'admin@example.org')
  await page.goto(`/coordination/content/steps/${STEP}`)
  const german = page.getByTestId('text-de-text')
  await expect(german).not.toHaveValue('')
  await german.fill(`${await german.inputValue()}\n\n${ADDED_DE}`)
  await page.getByTestId('publish').click()
  await expect(page.getByTestId('step-editor').getByTestId('save-feedback')).toHaveText('Veröffentlicht. Handys erhalten es beim nächsten Abgleich.')

  await page.goto('/coordination/content')
  await expect(arabicStatus(page)).toHaveAttribute('data-status', 'outdated')

  // The phone pulls once its screen is painted.
  await phone.reload()
  await expect(phone.getByTestId('text-hint')).toContainText(CHANGED_AR, afterSync)
  await phone.getByTestId('text-hint').getByRole('link').click()
  await expect(phone.getByText(ADDED_DE)).toBeVisible()

  // The translator downloads what needs work in Arabic …
  await expect(page.getByTestId('filter-language')).toHaveValue('ar')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('po-export').click()])
  const file = PO.parse(await readFile((await download.path())!, 'utf8'))
  const unit = (part: string) => file.items.find((i) => i.msgctxt === `${STEP}|${part}`)!
  expect(unit('text').msgid).toContain(ADDED_DE)
  expect(unit('text').extractedComments).toEqual(['status: outdated'])
  expect(unit('text').flags.fuzzy).toBe(true)
  // … translates the new sentence in their own tool (here an independent PO library) and marks the step checked.
  unit('text').msgstr = [`${unit('text').msgstr[0]}\n\n${REVIEWED_AR}`]
  for (const item of file.items) if (item.msgctxt?.startsWith(`${STEP}|`)) item.flags = {}

  await page.getByTestId('po-import').setInputFiles({ name: 'willkommen-guide-ar.po', mimeType: 'text/x-gettext-translation', buffer: Buffer.from(file.toString()) })
  await expect(page.getByTestId('po-result')).toContainText('1 Schritte geändert')
  await expect(arabicStatus(page)).toHaveAttribute('data-status', 'reviewed')

  await phone.goto(`/guide/step/${STEP}`)
  await expect(phone.getByText(REVIEWED_AR)).toBeVisible(afterSync)
  await expect(phone.getByTestId('text-hint')).toHaveCount(0)
})
