import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { chooseLanguage, expectBookmarksStored, meetupCardsShown } from './helpers.ts'

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((v) => v.id)).toEqual([])
}

test.describe('links from search and Saved land on the thing itself', () => {
  test('a meetup hit from search opens that meetup, whatever district the list is filtered to', async ({ page }) => {
    await chooseLanguage(page, 'Deutsch')
    await page.getByLabel('Landkreis').selectOption('harz')
    // In-app, so the list keeps its filter (as when a person looks something up on the way).
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Wegweiser' }).click()
    await page.getByRole('link', { name: 'Suchen', exact: true }).click()
    await page.getByRole('searchbox').fill('Sprachcafé Stendal')
    await page.getByTestId('results-meetup').getByRole('link', { name: /Sprachcafé Stendal/ }).click()
    await expect(page).toHaveURL(/\/meetups\/[0-9a-f-]{36}:/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sprachcafé Stendal')
    await expect(page.getByTestId('meetup-detail')).toContainText('Stendal')
  })

  test('saving one date marks that card only; Saved shows its date and opens it', async ({ page }) => {
    await chooseLanguage(page, 'Deutsch')
    await page.getByLabel('Landkreis').selectOption('stendal')
    const cards = await meetupCardsShown(page, 'Sprachcafé Stendal', 3)
    const second = cards.nth(1)
    const when = await second.locator('time').getAttribute('datetime')
    const href = await second.getByRole('heading').getByRole('link').getAttribute('href')
    await second.getByTestId('bookmark').click()
    await expect(second.getByTestId('bookmark')).toHaveAttribute('aria-pressed', 'true')
    await expect(page.locator('[data-testid="bookmark"][aria-pressed="true"]')).toHaveCount(1)
    await expectBookmarksStored(page, 1)

    await page.goto('/saved')
    const saved = page.getByTestId('saved-item')
    await expect(saved).toHaveCount(1)
    await expect(saved.locator('time')).toHaveAttribute('datetime', when!)
    await saved.getByRole('link', { name: 'Sprachcafé Stendal' }).click()
    await expect(page).toHaveURL(href!)
    await expect(page.getByTestId('meetup-detail').locator('time').first()).toHaveAttribute('datetime', when!)
    await expect(page.getByTestId('bookmark')).toHaveAttribute('aria-pressed', 'true')
  })
})

/** Chooses the district on its page, from a fresh load (so the page does not go back afterwards). */
async function chooseDistrict(page: Page, name: string): Promise<void> {
  await page.goto('/district')
  await page.getByRole('button', { name, exact: true }).click()
  await expect(page.getByTestId('district-chosen')).toContainText(name)
}

/** Switches the neighbouring districts on and waits until one neighbour's dates are on the phone (before any reload). */
async function keepNeighbours(page: Page, neighbour: string): Promise<void> {
  await page.goto('/district')
  await page.getByRole('switch').check()
  await expect(page.getByRole('switch')).toBeChecked()
  await page.locator('nav a[href="/meetups"]').click()
  await page.locator('select[name="district"]').selectOption(neighbour)
  await expect(page.getByTestId('meetup-day').first()).toBeVisible({ timeout: 30_000 })
}

test('a guide step shows my district’s contacts first under a heading, those of other districts folded away', async ({ page }) => {
  await chooseLanguage(page, 'Deutsch')
  await chooseDistrict(page, 'Stendal')
  await keepNeighbours(page, 'altmarkkreis-salzwedel') // other districts' contacts on the phone too
  await page.goto('/guide/step/register-address')
  const helpers = page.locator('section[aria-labelledby="step-contacts"]')
  await expect(helpers.getByRole('heading', { name: 'In Ihrem Landkreis: Stendal' })).toBeVisible()
  const others = helpers.getByRole('button', { name: /^Stellen in anderen Landkreisen \(\d+\)$/ })
  await expect(others).toBeVisible({ timeout: 30_000 })
  await expect(others).toHaveAttribute('aria-expanded', 'false')
  const near = helpers.getByTestId('contacts-near').getByTestId('contact')
  await expect(near.first()).toBeVisible()
  for (const card of await near.all()) await expect(card).toContainText('Stendal')
  await expect(helpers.getByTestId('contact').filter({ hasText: 'Salzwedel' })).toHaveCount(0)
  await others.click()
  await expect(others).toHaveAttribute('aria-expanded', 'true')
  await expect(helpers.getByTestId('contacts-others').getByTestId('contact').filter({ hasText: 'Salzwedel' }).first()).toBeVisible()
})

test('the start screen is never a dead end: a district without dates says so and offers the dates nearby', async ({ page }) => {
  await chooseLanguage(page, 'Deutsch')
  await chooseDistrict(page, 'Börde')
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Treffen' }).click()
  const wayOn = page.getByTestId('no-matches')
  await expect(wayOn).toContainText('In Börde gibt es keine Termine')
  await wayOn.getByRole('link', { name: 'Termine der Nachbarkreise auf das Handy holen' }).click()
  await expect(page).toHaveURL(/\/district$/)
  await page.getByRole('switch').check()
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Treffen' }).click()
  const elsewhere = page.getByTestId('elsewhere')
  await expect(elsewhere.getByRole('heading', { name: 'Die nächsten Termine anderswo' })).toBeVisible({ timeout: 30_000 })
  await expect(elsewhere.getByTestId('meetup').first()).toBeVisible()
  await expect(elsewhere.getByTestId('meetup').filter({ hasText: 'Börde' })).toHaveCount(0)
  await wayOn.getByRole('button', { name: 'Ganz Sachsen-Anhalt zeigen' }).click()
  await expect(page.getByTestId('meetup-day').first()).toBeVisible()
  await expect(page.getByLabel('Landkreis')).toHaveValue('all')
})

test.describe('small things', () => {
  test('in Arabic the district drop-down is wide enough for the longest district name', async ({ page }) => {
    await chooseLanguage(page, 'العربية')
    const select = page.locator('select[name="district"]')
    const room = await select.evaluate((el: HTMLSelectElement) => {
      const style = getComputedStyle(el)
      const context = document.createElement('canvas').getContext('2d')!
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
      const widest = Math.max(...Array.from(el.options, (o) => context.measureText(o.text).width))
      // The drop-down arrow takes about 24 px inside the padding.
      const inner = el.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd) - 24
      return { widest, inner }
    })
    expect(room.widest).toBeLessThanOrEqual(room.inner)
  })

  test('a city that is its own district is named once in the place search', async ({ page }) => {
    await chooseLanguage(page, 'Deutsch')
    await page.goto('/district')
    const town = page.getByLabel('Name Ihres Ortes')
    const results = page.getByRole('list', { name: 'Gefundene Orte' }).getByRole('button')
    await town.fill('Magdeburg')
    await expect(results.first()).toHaveText('Magdeburg')
    await town.fill('Dessau-Roßlau')
    await expect(results.first()).toHaveText('Dessau-Roßlau')
    await town.fill('Rodleben')
    await expect(results.first()).toHaveText('Rodleben (Dessau-Roßlau)')
    await town.fill('Tangermünde')
    await expect(results.first()).toHaveText('Tangermünde – Stendal')
  })

  test('each guide step ends with a link to the next step, the last one of a phase to the next phase', async ({ page }) => {
    await chooseLanguage(page, 'Deutsch')
    await page.goto('/guide/first-steps')
    const steps = page.getByTestId('guide-step').getByRole('link')
    await expect(steps.nth(1)).toBeVisible()
    const second = (await steps.nth(1).innerText()).trim()
    const last = steps.last()
    await steps.first().click()
    const next = page.getByRole('navigation', { name: 'Wie es weitergeht' }).getByRole('link')
    await expect(next).toContainText('Nächster Schritt')
    await expect(next).toContainText(second)
    await next.click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(second)

    await page.goto('/guide/first-steps')
    await last.click()
    await expect(next).toContainText('Weiter mit dem nächsten Abschnitt')
    await expect(next).toContainText('Ankommen und bleiben')
    await next.click()
    await expect(page).toHaveURL(/\/guide\/settling-in$/)
  })

  test('the boxes in the phase list are labelled checkboxes that tick the step, by tap and by keyboard', async ({ page }) => {
    await chooseLanguage(page, 'Deutsch')
    await page.goto('/guide/planning')
    const boxes = page.getByRole('checkbox', { name: /^Erledigt: / })
    await expect(boxes.nth(1)).toBeVisible()
    const first = page.getByTestId('guide-step').first()
    const target = await first.locator('label').boundingBox()
    expect(target!.width).toBeGreaterThanOrEqual(44)
    expect(target!.height).toBeGreaterThanOrEqual(44)
    await boxes.first().click()
    await expect(boxes.first()).toBeChecked()
    await expect(first).toContainText('Erledigt')
    await expect(page).toHaveURL(/\/guide\/planning$/) // ticked here, not opened
    await boxes.nth(1).focus()
    await page.keyboard.press('Space')
    await expect(boxes.nth(1)).toBeChecked()
    // Kept on the phone.
    await page.reload()
    await expect(boxes.first()).toBeChecked()
    await expect(boxes.nth(1)).toBeChecked()
  })

  test('after a route change focus is on the new page’s main heading, on the first page not', async ({ page }) => {
    await chooseLanguage(page, 'Deutsch')
    await page.goto('/meetups')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).not.toBeFocused()
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Wegweiser' }).click()
    const heading = page.getByRole('heading', { level: 1 })
    await expect(heading).toHaveText('Wegweiser')
    await expect(heading).toBeFocused()
    await page.getByRole('link', { name: 'Suchen', exact: true }).click()
    await expect(heading).toHaveText('Suchen')
    await expect(heading).toBeFocused()
  })

  test('a new page starts at the top; back returns to where the person was on the list, forward to the page', async ({ page }) => {
    await chooseLanguage(page, 'Deutsch')
    await page.getByLabel('Landkreis').selectOption('stendal')
    const cards = page.getByTestId('meetup')
    const link = cards.nth(4).getByRole('heading').getByRole('link')
    await link.scrollIntoViewIfNeeded()
    // Where the card sits on the screen, read in the same moment the link is tapped. Compared by the card's
    // place on the screen, not by scrollY: the header above may change height meanwhile, and the browser's
    // scroll anchoring then moves scrollY to keep the card where it was (CI saw 24 px).
    const place = await link.evaluate((a) => {
      const at = { y: window.scrollY, top: a.getBoundingClientRect().top }
      ;(a as HTMLElement).click()
      return at
    })
    expect(place.y).toBeGreaterThan(200)
    await expect(page).toHaveURL(/\/meetups\/[0-9a-f-]{36}:/)
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0)
    await page.goBack()
    await expect(cards.nth(4)).toBeVisible()
    // Within 2 px: the restored scroll position is whole pixels of a layout in fractions of one (CI saw 397 against 398).
    await expect.poll(async () => Math.abs((await link.evaluate((a) => a.getBoundingClientRect().top)) - place.top)).toBeLessThanOrEqual(2)
    await page.goForward()
    await expect(page).toHaveURL(/\/meetups\/[0-9a-f-]{36}:/)
    await expect(page.getByTestId('meetup-detail')).toBeVisible()
  })

  test('a calendar file is named after the event and its date, in Arabic too', async ({ page }) => {
    await chooseLanguage(page, 'العربية')
    await page.getByRole('link', { name: 'طاولة الترحيب في شتندال' }).first().click()
    const download = page.waitForEvent('download')
    await page.getByTestId('add-date').click()
    expect((await download).suggestedFilename()).toMatch(/^welcome-table-stendal-\d{4}-\d{2}-\d{2}\.ics$/)
  })
})

test.describe('no axe violations in Arabic on what changed', () => {
  // Several axe runs on a busy machine: a cap, not a timing.
  test.slow()

  test('the way on from an empty district, a saved date', async ({ page }) => {
    await chooseLanguage(page, 'العربية')
    const bookmark = page.getByTestId('meetup').first().getByTestId('bookmark')
    await bookmark.click()
    await expect(bookmark).toHaveAttribute('aria-pressed', 'true')
    await expectBookmarksStored(page, 1)
    await chooseDistrict(page, 'Börde')
    await keepNeighbours(page, 'stendal')
    await page.goto('/meetups')
    await expect(page.getByTestId('elsewhere').getByTestId('meetup').first()).toBeVisible({ timeout: 30_000 })
    await expectNoAxeViolations(page)
    await page.goto('/saved')
    await expect(page.getByTestId('saved-date')).toBeVisible()
    await expectNoAxeViolations(page)
  })

  test('a step with its contacts and the next-step link, the phase list with its checkboxes', async ({ page }) => {
    await chooseLanguage(page, 'العربية')
    await chooseDistrict(page, 'Stendal')
    await keepNeighbours(page, 'altmarkkreis-salzwedel')
    await page.goto('/guide/step/register-address')
    // The neighbours' contacts are still arriving (the list re-renders): open the fold once it holds.
    const toggle = page.getByTestId('contacts-others-toggle')
    await expect(async () => {
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click({ timeout: 5_000 })
      await expect(page.getByTestId('contacts-others')).toBeVisible({ timeout: 1_000 })
    }).toPass({ timeout: 60_000 })
    await expect(page.getByTestId('next-in-guide')).toBeVisible()
    await expectNoAxeViolations(page)
    await page.goto('/guide/first-steps')
    await expect(page.getByTestId('step-tick').first()).toBeVisible()
    await expectNoAxeViolations(page)
  })
})
