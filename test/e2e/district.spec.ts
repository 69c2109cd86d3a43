import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { chooseLanguage, waitForServiceWorker } from './helpers.ts'

test('neighbouring districts: off by default; on brings the neighbours’ meetups onto the phone, off takes them away', async ({ page }) => {
  await chooseLanguage(page, 'Deutsch')
  await page.goto('/district')
  await page.getByRole('button', { name: 'Stendal', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Stendal', exact: true })).toHaveAttribute('aria-pressed', 'true') // stored
  await page.goto('/district')
  const nearby = page.getByRole('switch', { name: 'Auch die Nachbarkreise auf dem Handy' })
  await expect(nearby).not.toBeChecked()
  await expect(page.getByText('Altmarkkreis Salzwedel, Börde und Jerichower Land')).toBeVisible()

  // In-app navigation: the setting is saved and the pull it starts runs on.
  const salzwedel = async () => {
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Treffen' }).click()
    // The drop-down, not the district page's list of the same name, which shows until the meetups have come.
    await page.getByRole('combobox', { name: 'Landkreis' }).selectOption('altmarkkreis-salzwedel')
    return page.getByTestId('meetup').filter({ hasText: 'Sprachcafé Salzwedel' })
  }
  await expect(await salzwedel()).toHaveCount(0)

  await page.goto('/district')
  await nearby.check()
  await expect(await salzwedel()).not.toHaveCount(0, { timeout: 20_000 })

  await page.goto('/district')
  await expect(nearby).toBeChecked() // kept on the phone
  await nearby.uncheck()
  await expect(await salzwedel()).toHaveCount(0)
})

test('no axe violations on the district settings with the switch, in Arabic', async ({ page }) => {
  await chooseLanguage(page, 'العربية')
  await page.goto('/district')
  await page.getByRole('button', { name: 'Harz', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Harz', exact: true })).toHaveAttribute('aria-pressed', 'true') // stored
  await page.goto('/district')
  await expect(page.getByRole('switch')).toBeVisible()
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((v) => v.id)).toEqual([])
})

test('offline, the place lookup finds a village, a name in Cyrillic letters, and offers the districts with their towns when nothing is found', async ({ page, context }) => {
  await chooseLanguage(page, 'Deutsch')
  await waitForServiceWorker(page)
  await context.setOffline(true)
  await page.goto('/district')
  const search = page.getByRole('searchbox', { name: 'Name Ihres Ortes' })

  await search.fill('Letzlingen')
  await expect(page.getByRole('button', { name: 'Letzlingen (Gardelegen) – Altmarkkreis Salzwedel' })).toBeVisible()

  await search.fill('Кетен')
  await expect(page.getByRole('button', { name: 'Köthen (Anhalt) – Anhalt-Bitterfeld' })).toBeVisible()

  await search.fill('Hamburg')
  await expect(page.getByTestId('no-place')).toBeVisible()
  const stendal = page.getByRole('button', { name: 'Stendal', exact: true })
  await expect(stendal).toHaveAccessibleDescription('Stendal, Tangermünde und Tangerhütte')
  await stendal.click()
  await expect(page.getByTestId('district-chosen')).toContainText('Stendal')
})
