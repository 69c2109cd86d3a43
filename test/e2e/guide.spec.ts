import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { chooseLanguage, waitForServiceWorker } from './helpers.ts'

/** Opens the guide from the bottom navigation and waits until the synced steps are there. */
async function openGuide(page: Page, navName: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: navName }).click()
  await expect(page.getByTestId('phase-progress').first()).not.toHaveText(/\b0\D+0\b/)
}

test('Ukrainian, offline: district by town, three ticked steps, contacts and search survive a reload', async ({ page, context }) => {
  await chooseLanguage(page, 'Українська')
  await waitForServiceWorker(page)
  await openGuide(page, 'Путівник')

  // Where I live: found by a town name.
  await page.getByRole('link', { name: 'Обрати місце проживання' }).click()
  await page.getByLabel('Назва вашого населеного пункту').fill('Tangerhutte')
  await page.getByRole('button', { name: 'Tangerhütte – Stendal' }).click()
  await expect(page).toHaveURL(/\/guide$/)
  await expect(page.getByTestId('my-district')).toHaveText('Ваше місце проживання: Stendal')

  // Tick three steps of the first phase.
  await page.getByRole('link', { name: 'До прибуття' }).click()
  const titles: string[] = []
  for (let i = 0; i < 3; i++) {
    const link = page.getByTestId('guide-step').nth(i).getByRole('link')
    titles.push((await link.textContent())!.trim())
    await link.click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[i]!)
    await page.getByRole('checkbox', { name: 'Виконано', exact: true }).check()
    await expect(page.getByRole('checkbox', { name: 'Виконано', exact: true })).toBeChecked()
    await page.goBack()
  }
  await expect(page.getByTestId('phase-progress')).toHaveText(/^Виконано 3 з \d+$/)

  await context.setOffline(true)
  await page.reload()
  await expect(page.getByTestId('phase-progress')).toHaveText(/^Виконано 3 з \d+$/)
  await page.goto('/guide')
  await expect(page.getByTestId('phase-planning').getByTestId('phase-progress')).toHaveText(/^Виконано 3 з \d+$/)
  await expect(page.getByTestId('offline')).toBeVisible()

  // The contacts directory shows the person's district. The phone syncs only its own district's
  // contacts (issue 15), so no other district's contacts are on it to unfold.
  await page.goto('/contacts')
  const residence = page.getByTestId('field-residence')
  await expect(residence.getByTestId('contact').first()).toContainText('Stendal')
  await expect(residence.getByRole('button', { name: /Контакти в інших районах/ })).toHaveCount(0)
  await expect(residence.getByTestId('contact').filter({ hasText: 'Harz' })).toHaveCount(0)

  // Search works offline: a German word finds a step, shown in Ukrainian.
  await page.goto('/search')
  await page.getByLabel('Пошуковий запит').fill('Anmeldung')
  const firstStep = page.getByTestId('results-step').getByRole('link').first()
  await expect(firstStep).toBeVisible()
  await expect(firstStep).toHaveText(/[А-Яа-яІіЇїЄєҐґ]/)
  await page.getByLabel('Пошуковий запит').fill('Behorde')
  await expect(page.getByTestId('results-step').or(page.getByTestId('results-contact')).first()).toBeVisible()
})

test('start over asks first, and clears the ticks only after yes', async ({ page }) => {
  await chooseLanguage(page, 'Deutsch')
  await openGuide(page, 'Wegweiser')
  await page.getByRole('link', { name: 'Erste Schritte' }).click()
  await page.getByTestId('guide-step').first().getByRole('link').click()
  await page.getByRole('checkbox', { name: 'Erledigt', exact: true }).check()
  // Back in the app, as a person goes (a reload in the same moment could cut the tick's write short).
  await page.getByRole('navigation').getByRole('link', { name: 'Wegweiser' }).click()
  const progress = page.getByTestId('phase-first-steps').getByTestId('phase-progress')
  await expect(progress).toHaveText(/^1 von \d+ erledigt$/)

  await page.getByRole('button', { name: 'Von vorn beginnen' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.getByRole('button', { name: 'Abbrechen' }).click()
  await expect(progress).toHaveText(/^1 von \d+ erledigt$/)

  await page.getByRole('button', { name: 'Von vorn beginnen' }).click()
  await page.getByRole('button', { name: 'Ja, von vorn beginnen' }).click()
  await expect(progress).toHaveText(/^0 von \d+ erledigt$/)
})

test('a saved step appears under Saved, reached from More', async ({ page }) => {
  await chooseLanguage(page, 'English')
  await openGuide(page, 'Guide')
  await page.getByRole('link', { name: 'First steps' }).click()
  const link = page.getByTestId('guide-step').first().getByRole('link')
  const title = (await link.textContent())!.trim()
  await link.click()
  const save = page.getByRole('button', { name: `Save: ${title}` })
  await expect(save).toHaveAttribute('aria-pressed', 'false')
  await save.click()
  await expect(save).toHaveAttribute('aria-pressed', 'true')
  await page.getByRole('navigation').getByRole('link', { name: 'More' }).click()
  await page.getByRole('link', { name: 'Saved steps, contacts and meetups' }).click()
  await expect(page.getByTestId('saved-item')).toHaveCount(1)
  await expect(page.getByTestId('saved-item').getByRole('link')).toHaveText(title)
})

for (const [language, nativeName, navName] of [
  ['German', 'Deutsch', 'Wegweiser'],
  ['Arabic', 'العربية', 'الدليل'],
] as const) {
  test(`no axe violations on the guide views in ${language}`, async ({ page }) => {
    test.setTimeout(120_000) // axe on long lists is slow on a shared two-core machine
    await chooseLanguage(page, nativeName)
    await openGuide(page, navName)
    await page.getByTestId('phase-first-steps').getByRole('link').click()
    await page.getByTestId('guide-step').first().getByRole('link').click()
    const stepPath = new URL(page.url()).pathname
    for (const path of ['/district', '/guide', '/guide/first-steps', stepPath, '/contacts', '/search', '/saved']) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      if (path === '/search') {
        await page.getByRole('searchbox').fill('Anmeldung')
        await expect(page.getByTestId('results-step')).toBeVisible()
      }
      if (path === '/district') await page.getByRole('searchbox').fill('Quedl')
      const results = await new AxeBuilder({ page }).analyze()
      expect(results.violations, `${path}: ${results.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target).join(' ')}`).join(', ')}`).toEqual([])
      // From here on the views show the person's district first (Quedlinburg is in Harz).
      if (path === '/district') await page.getByRole('button', { name: /^Quedlinburg/ }).click()
    }
  })
}
