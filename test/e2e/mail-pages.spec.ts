import { randomUUID } from 'node:crypto'
import { expect, test } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { linkMailedTo } from './mail-files.ts'
import { CURRENT_CONSENT_VERSION } from '../../src/shared/volunteering/fields.schema.ts'

/**
 * Issue 14 item 3: the pages behind the confirm and unsubscribe links of a mail (server/mail/mail-page.ts)
 * are axe clean before and after their button, in German and in Arabic (right to left), and so is the
 * page of a link that no longer works. The links come from the mail the server wrote as an .eml file.
 */

const given = { textVersion: CURRENT_CONSENT_VERSION, givenAt: new Date().toISOString() }

async function violations(page: import('@playwright/test').Page): Promise<string[]> {
  return new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`))
}

for (const [lang, dir, confirmButton, unsubscribeButton] of [
  ['de', 'ltr', 'Adresse bestätigen', 'Keine E-Mails mehr schicken'],
  ['ar', 'rtl', 'تأكيد العنوان', 'أوقف إرسال الرسائل'],
] as const) {
  test(`the confirm and unsubscribe pages of a mail are axe clean (${lang})`, async ({ page }) => {
    const address = `tandem-${lang}-${Date.now()}@example.org`
    const res = await page.request.post('/api/v1/tandems', {
      headers: { 'idempotency-key': randomUUID() },
      data: { role: 'request', kind: 'language', name: 'Beispiel', email: address, district: 'stendal', locale: lang, consents: { store: given, mail: given } },
    })
    expect(res.status(), await res.text()).toBe(201)

    await page.goto(await linkMailedTo(address, /https?:\/\/\S+\/api\/v1\/mail\/confirm\/[A-Za-z0-9_-]{43}/))
    await expect(page.locator('html')).toHaveAttribute('dir', dir)
    await expect(page.locator('html')).toHaveAttribute('lang', lang)
    expect(await violations(page)).toEqual([])
    await page.getByRole('button', { name: confirmButton }).click()
    await expect(page.getByRole('button')).toHaveCount(0)
    expect(await violations(page)).toEqual([])

    await page.goto(await linkMailedTo(address, /https?:\/\/\S+\/api\/v1\/mail\/unsubscribe\/[A-Za-z0-9_-]{43}/))
    expect(await violations(page)).toEqual([])
    await page.getByRole('button', { name: unsubscribeButton }).click()
    await expect(page.getByRole('button')).toHaveCount(0)
    expect(await violations(page)).toEqual([])
  })
}

test('the page of a mail link that no longer works is axe clean', async ({ page }) => {
  const res = await page.goto(`/api/v1/mail/confirm/${'x'.repeat(43)}`)
  expect(res?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  expect(await violations(page)).toEqual([])
})
