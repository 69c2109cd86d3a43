import { shippedGuideSteps } from '../../fixtures/shipped-guide.ts'
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from '../../../src/router/router.ts'
import { Value } from 'typebox/value'
import { Type } from 'typebox'
import { db } from '../../../src/db/db.ts'
import { applyLocale, i18n } from '../../../src/i18n/i18n.ts'
import GuideStepView from '../../../src/guide/GuideStepView.vue'
import GlossaryView from '../../../src/guide/GlossaryView.vue'
import { explainTerm, GLOSSARY, loadGlossary } from '../../../src/guide/glossary.ts'
import { parseSafeText } from '../../../src/shared/guide/safe-text.ts'
import { LOCALE_CODES } from '../../../src/shared/locale-codes.ts'
import { SourceLinkSchema, DateSchema } from '../../../src/shared/guide/guide-step.schema.ts'
import { FIXTURE_CONTACTS, FIXTURE_ROWS } from '../../fixtures/guide-steps.ts'

const SEED = shippedGuideSteps()

/** The glossary words a safe text links, in order. */
const linkedTerms = (text: string) =>
  parseSafeText(text)
    .flatMap((b) => (b.kind === 'paragraph' ? b.inlines : b.items.flat()))
    .flatMap((x) => (x.kind === 'term' ? [x.term] : []))

describe('the glossary of official words', () => {
  it('has a unique id, the German word and an explanation in every language the app ships, with sources and a check date', () => {
    const schema = Type.Object({
      checkedOn: DateSchema,
      reviewed: Type.Array(Type.String()),
      sources: Type.Array(SourceLinkSchema, { minItems: 1 }),
      terms: Type.Array(
        Type.Object({ id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }), term: Type.String({ minLength: 2 }) }, { additionalProperties: false }),
        { minItems: 10 },
      ),
    })
    expect(Value.Errors(schema, GLOSSARY)).toEqual([])
    expect(new Set(GLOSSARY.terms.map((t) => t.id)).size).toBe(GLOSSARY.terms.length)
    for (const code of LOCALE_CODES) {
      const explanations = JSON.parse(readFileSync(`src/guide/glossary/${code}.json`, 'utf8')) as Record<string, string>
      expect(Object.keys(explanations).sort(), code).toEqual(GLOSSARY.terms.map((t) => t.id).sort())
      for (const [id, text] of Object.entries(explanations)) expect(text.length, `${code}:${id}`).toBeGreaterThanOrEqual(20)
    }
  })

  it('knows every word a guide step links, in every language of the step', () => {
    const known = new Set(GLOSSARY.terms.map((t) => t.id))
    const linked = SEED.flatMap((step) => Object.entries(step.text).flatMap(([lang, text]) => linkedTerms(text).map((term) => `${step.id}:${lang}:${term}`)))
    expect(linked.length).toBeGreaterThan(0)
    expect(linked.filter((l) => !known.has(l.split(':')[2]!))).toEqual([])
    // A step links the same words in German and in each translation (the German word stands in brackets there).
    for (const step of SEED) {
      const german = linkedTerms(step.text.de ?? '').sort()
      for (const [lang, text] of Object.entries(step.text)) expect(linkedTerms(text).sort(), `${step.id}:${lang}`).toEqual(german)
    }
  })

  it('has every word linked from at least one guide step, so a newcomer meets each where it matters', () => {
    const linked = new Set(SEED.flatMap((step) => linkedTerms(step.text.de ?? '')))
    expect(GLOSSARY.terms.map((t) => t.id).filter((id) => !linked.has(id))).toEqual([])
  })

  it('is linked in every step whose German uses the word (the steps older than the glossary included)', () => {
    const unlinked = SEED.flatMap((step) =>
      GLOSSARY.terms.flatMap((t) => {
        const text = step.text.de ?? ''
        const uses = new RegExp(`(?<![\\p{L}-])${t.term}`, 'u').test(text)
        return uses && !linkedTerms(text).includes(t.id) ? [`${step.id}: ${t.term}`] : []
      }),
    )
    expect(unlinked).toEqual([])
  })

  it('explains in the chosen language, marks automatic translations, and falls back to German', async () => {
    await loadGlossary('ar')
    await loadGlossary('hi') // a language the app does not have: German only
    expect(explainTerm('frist', 'de')).toMatchObject({ term: 'Frist', lang: 'de', hint: null })
    expect(explainTerm('frist', 'ar')).toMatchObject({ term: 'Frist', lang: 'ar', hint: 'machine' })
    expect(explainTerm('frist', 'hi')).toMatchObject({ lang: 'de', hint: 'only-german' })
    expect(explainTerm('no-such-word', 'de')).toBeUndefined()
  })
})

describe('a glossary word in a step text', () => {
  beforeEach(async () => {
    await db.delete()
    await db.open()
    await db.guideSteps.bulkPut(FIXTURE_ROWS.steps)
    const texts = FIXTURE_ROWS.texts.map((t) =>
      t.stepId === 'anmeldung' && t.lang === 'en'
        ? { ...t, text: 'You get a registration certificate ([Meldebescheinigung](glossary:meldebescheinigung)) and a [word](glossary:not-in-the-glossary).' }
        : t,
    )
    await db.guideTexts.bulkPut(texts)
    await db.contacts.bulkPut(FIXTURE_CONTACTS)
  })
  afterEach(async () => {
    await applyLocale('de')
    document.body.innerHTML = ''
  })

  it('is a button that opens its explanation in the chosen language; a word the glossary lacks stays plain text', { timeout: 30_000 }, async () => {
    await applyLocale('en')
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { render: () => null } }] })
    const wrapper = mount(GuideStepView, { props: { id: 'anmeldung' }, global: { plugins: [createPinia(), router, i18n] }, attachTo: document.body })
    await vi.waitFor(() => expect(wrapper.find('h1').exists()).toBe(true))
    await flushPromises()
    const terms = wrapper.findAll('[data-testid="glossary-term"]')
    expect(terms.map((b) => b.text())).toEqual(['Meldebescheinigung'])
    expect(wrapper.get('.step-text').text()).toContain('and a word.')

    const dialog = wrapper.get<HTMLDialogElement>('[data-testid="glossary-dialog"]')
    // jsdom has no showModal; the test checks what the dialog would show.
    dialog.element.showModal = function () {
      this.setAttribute('open', '')
    }
    await terms[0]!.trigger('click')
    expect(dialog.attributes('open')).toBeDefined()
    await vi.waitFor(() => expect(dialog.get('h2').text()).toBe('Meldebescheinigung')) // English is loaded with the dialog
    expect(dialog.text()).toContain('The registration certificate (Meldebescheinigung) is the paper from the citizens')
    expect(dialog.text()).toContain('Automatic translation')
    wrapper.unmount()
  })
})

describe('the list of all official words', () => {
  afterEach(async () => {
    await applyLocale('de')
  })

  it('shows every word A to Z by its German form, explained in the chosen language, and says the translation is automatic', async () => {
    await applyLocale('uk')
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { render: () => null } }] })
    const wrapper = mount(GlossaryView, { global: { plugins: [router, i18n] } })
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="glossary-word"]').length).toBeGreaterThan(0))
    const words = wrapper.findAll('[data-testid="glossary-word"]')
    expect(words).toHaveLength(GLOSSARY.terms.length)
    const headings = words.map((w) => w.get('h2').text())
    expect(headings).toEqual([...headings].sort((a, b) => a.localeCompare(b, 'de')))
    expect(headings.slice(0, 3)).toEqual(['Aktenzeichen', 'Anhörung', 'Antrag'])
    expect(words[0]!.get('p').attributes('lang')).toBe('uk')
    expect(words[0]!.get('p').text()).toMatch(/^Номер справи \(Aktenzeichen\)/)
    expect(wrapper.text()).toContain('Автоматичний переклад')
  })
})
