import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { chooseLanguage, loginAsCoordinator, waitForServiceWorker } from './helpers.ts'

// A statewide step: its answers count in the district the phone chose.
const STEP = 'register-address'
const TITLE_AR = 'سجّل عنوان سكنك (Anmeldung)'
const TITLE_DE = 'Wohnung anmelden (Anmeldung)'

test('an Arabic phone answers "no" offline; the Harz coordinator reads it as written under that step, Stendal does not', async ({ page, context, browser }) => {
  test.slow() // a cap, not a timing: three browser contexts and an offline round trip on a busy 2-core machine
  const written = `لم أجد أين أحجز موعدًا في مكتب المواطنين ${Date.now()}`
  await chooseLanguage(page, 'العربية')
  await waitForServiceWorker(page)
  await page.goto('/district')
  await page.getByRole('button', { name: 'Harz', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Harz', exact: true })).toHaveAttribute('aria-pressed', 'true') // stored
  await page.goto(`/guide/step/${STEP}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE_AR)

  await context.setOffline(true)
  const question = page.getByRole('region', { name: 'هل ساعدك هذا؟' })
  await question.getByRole('radio', { name: 'لا' }).check()
  await question.getByLabel('ما الذي ينقص؟ (اختياري)').fill(written)
  await question.getByRole('button', { name: 'إرسال الإجابة' }).click()
  await expect(question.getByTestId('feedback-given')).toHaveText('شكرًا! إجابتك: لا، لم يساعدني هذا.')
  await expect(question.getByTestId('feedback-state')).toHaveText('محفوظة على هذا الهاتف. ستُرسل فور توفر الاتصال.')
  // Kept on the phone: a reload offline still shows the answer given, not the question.
  await page.reload()
  await expect(question.getByText(written)).toBeVisible()
  expect((await new AxeBuilder({ page }).include('[data-testid="feedback"]').analyze()).violations).toEqual([])

  await context.setOffline(false)
  await expect(question.getByTestId('feedback-state')).toHaveText('تم الإرسال.')

  const harz = await browser.newContext()
  const harzPage = await harz.newPage()
  await loginAsCoordinator(harzPage, 'harz@example.org')
  await harzPage.getByRole('navigation', { name: 'Bereiche der Koordination' }).getByRole('link', { name: 'Rückmeldungen' }).click()
  await expect(harzPage.getByRole('heading', { level: 1 })).toHaveText('Rückmeldungen von Neuzugewanderten')
  const group = harzPage.getByRole('region', { name: TITLE_DE })
  await expect(group.getByTestId('feedback-counts')).toContainText('1 × Nein')
  const answer = group.getByTestId('feedback-text').filter({ hasText: written })
  await expect(answer.locator('blockquote')).toHaveText(written)
  await expect(answer.locator('blockquote')).toHaveAttribute('lang', 'ar')
  await expect(answer.getByTestId('feedback-lang')).toHaveText('Geschrieben auf Arabisch')
  await answer.getByRole('button', { name: 'Erledigt' }).click()
  await expect(answer.getByRole('button', { name: 'Erledigt' })).toHaveAttribute('aria-pressed', 'true')
  expect((await new AxeBuilder({ page: harzPage }).analyze()).violations).toEqual([])

  // In the content list, the step shows its "no" next to its translation status.
  await harzPage.goto('/coordination/content')
  await expect(harzPage.getByTestId('content-step').first()).toContainText(TITLE_DE)
  await expect(harzPage.getByTestId('content-step').first().getByTestId('step-no-count')).toHaveText(/× Nein/)
  await harz.close()

  const stendal = await browser.newContext()
  const stendalPage = await stendal.newPage()
  await loginAsCoordinator(stendalPage, 'stendal@example.org')
  await stendalPage.goto('/coordination/feedback')
  await expect(stendalPage.getByRole('heading', { level: 1 })).toHaveText('Rückmeldungen von Neuzugewanderten')
  await expect(stendalPage.getByTestId('feedback-empty').or(stendalPage.getByTestId('feedback-group').first())).toBeVisible()
  await expect(stendalPage.getByText(written)).toHaveCount(0)
  await stendal.close()
})
