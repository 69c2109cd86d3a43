import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { chooseLanguage, closeNoticesInTheWay } from './helpers.ts'

/** A new phone: language, then the guide's one-time question "which describes you?" answered. */
async function newcomer(browser: Browser, language: string, guideNav: string, situation: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  // The "ready to work offline" note may cover the buttons: close it when it shows.
  await closeNoticesInTheWay(page)
  await chooseLanguage(page, language)
  await page.getByRole('navigation').getByRole('link', { name: guideNav }).click()
  await expect(page.getByTestId('phase-progress').first()).not.toHaveText(/\b0\D+0\b/)
  const offer = page.getByTestId('situation-offer')
  await expect(offer).toBeVisible()
  await offer.getByRole('radio', { name: situation }).click()
  await expect(offer).toHaveCount(0) // asked once: answered, it is gone
  await expect(page.getByTestId('my-situation')).toContainText(situation)
  return page
}

async function firstPhaseSteps(page: Page, phaseTitle: string): Promise<string[]> {
  await page.getByRole('link', { name: phaseTitle }).click()
  await expect(page.getByTestId('guide-step').first()).toBeVisible()
  return (await page.getByTestId('guide-step').allTextContents()).map((t) => t.trim())
}

test('a newcomer from Ukraine and an asylum seeker each choose their situation and see a different first phase; "show all" shows the rest', async ({ browser }) => {
  const ukraine = await newcomer(browser, 'Українська', 'Путівник', 'З України, з тимчасовим захистом (§ 24 AufenthG)')
  const ukSteps = await firstPhaseSteps(ukraine, 'До прибуття')
  expect(ukSteps).toContain('З’ясуйте питання в’їзду та візи') // § 24: the Ausländerbehörde, not a visa
  expect(ukSteps).not.toContain('Сплануйте гроші на початок') // blocked account, first salary: for visa holders
  await expect(ukraine.getByTestId('phase-progress')).toHaveText(`Виконано 0 з ${ukSteps.length}`)

  const asylum = await newcomer(browser, 'العربية', 'الدليل', 'طالب لجوء أو لاجئ حاصل على الحماية')
  expect(await new AxeBuilder({ page: asylum }).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([])
  const arSteps = await firstPhaseSteps(asylum, 'قبل الوصول')
  expect(arSteps).not.toContain('رتّب أمور الدخول والتأشيرة')
  expect(arSteps.length).toBeLessThan(ukSteps.length)
  await expect(asylum.getByTestId('phase-progress')).toContainText(String(arSteps.length))

  // Hidden, not gone: "show all" lists the other situations' steps after the person's own.
  await asylum.getByTestId('show-all').click()
  await expect(asylum.getByRole('heading', { name: 'لأوضاع أخرى' })).toBeVisible()
  await expect(asylum.getByTestId('guide-step').filter({ hasText: 'رتّب أمور الدخول والتأشيرة' })).toBeVisible()
  expect(await new AxeBuilder({ page: asylum }).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([])

  // Changeable any time, in "More": no answer shows everything again, as before.
  await asylum.goto('/more')
  const none = asylum.getByRole('radio', { name: 'بدون إجابة – عرض كل الخطوات' })
  await none.click()
  await expect(none).toHaveAttribute('aria-checked', 'true') // saved on the phone: only then does the store change
  await asylum.goto('/guide/planning')
  await expect(asylum.getByTestId('guide-step').filter({ hasText: 'رتّب أمور الدخول والتأشيرة' })).toBeVisible()
  await expect(asylum.getByTestId('show-all')).toHaveCount(0)
})
