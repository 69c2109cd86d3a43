import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { localeInfo } from '../../src/i18n/locales.ts'
import { waitForServiceWorker } from './helpers.ts'

interface Messages {
  language: { title: string; phoneLanguages: string; automaticNotice: string }
  nav: { guide: string }
  search: { label: string }
}
const messages = (code: string) => JSON.parse(readFileSync(`locales/${code}.json`, 'utf8')) as Messages
const stepTitle = (code: string, id: string) =>
  (JSON.parse(readFileSync(`server/guide/texts/${code}.json`, 'utf8')) as Record<string, { title: string }>)[id]!.title

/** A fresh phone set to the given languages. */
async function phone(browser: Browser, languages: string): Promise<Page> {
  const context = await browser.newContext({ ...test.info().project.use, locale: languages })
  return context.newPage()
}

/** The longest word of a text: what a person would type to find it. */
const searchWord = (text: string) => [...text.matchAll(/[\p{L}\p{M}]+/gu)].map((m) => m[0]).sort((a, b) => b.length - a.length)[0]!

for (const { code, phoneTag } of [
  { code: 'prs', phoneTag: 'fa-AF' },
  { code: 'ti', phoneTag: 'ti-ER' },
]) {
  test(`${code}: the picker speaks the phone's language; chosen, the app works offline: a step, search, the font`, async ({ browser }) => {
    const info = localeInfo(code)
    const text = messages(code)
    const page = await phone(browser, phoneTag)
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.language.title)
    await expect(page.getByRole('heading', { name: text.language.phoneLanguages })).toBeVisible()
    const first = page.locator('.language-option').first()
    await expect(first).toHaveText(info.nativeName)
    await first.click()
    await expect(page.locator('html')).toHaveAttribute('lang', code)
    await expect(page.locator('html')).toHaveAttribute('dir', info.dir)
    await waitForServiceWorker(page)

    // The step and the app's texts arrive, then the phone goes offline and reloads.
    const title = stepTitle(code, 'register-address')
    await page.goto('/guide/step/register-address')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(page.getByTestId('text-hint')).toBeVisible() // an automatic translation says so
    await page.goto('/guide')
    await expect(page.getByTestId('automatic-notice')).toHaveText(text.language.automaticNotice)
    await page.context().setOffline(true)
    await page.reload()
    await page.goto('/guide/step/register-address')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(page.locator('html')).toHaveAttribute('dir', info.dir)

    // Search, offline, for an everyday word of the step's title in this language.
    await page.goto('/search')
    await page.getByLabel(text.search.label).fill(searchWord(title))
    await expect(page.getByTestId('results-step').getByRole('link', { name: title })).toBeVisible()

    if (info.font === 'ethiopic') {
      // The Ethiopic font was kept with the language: it loads offline, and the title is drawn with it.
      const faces = await page.evaluate(async () => (await document.fonts.load('16px "Noto Sans Ethiopic"', 'ትግርኛ')).length)
      expect(faces).toBeGreaterThan(0)
      expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans Ethiopic"', 'ትግርኛ'))).toBe(true)
    }
    await page.context().close()
  })
}

for (const code of ['ar', 'prs', 'ps', 'fa', 'ckb']) {
  test(`${code}: right to left, and axe finds nothing on the start screen, the guide step and More`, async ({ browser }) => {
    const page = await phone(browser, 'de-DE')
    await page.goto(`/?lang=${code}`)
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await expect(page.getByTestId('meetup').first()).toBeVisible()
    for (const path of ['/meetups', '/guide/step/register-address', '/more']) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expect(page.locator('html')).toHaveAttribute('lang', code)
      const violations = (await new AxeBuilder({ page }).analyze()).violations
      expect(violations.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    }
    await page.context().close()
  })
}
