import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from '../../../src/router/router.ts'
import { db } from '../../../src/db/db.ts'
import { applyLocale, i18n } from '../../../src/i18n/i18n.ts'
import LanguagePicker from '../../../src/language/LanguagePicker.vue'
import LanguageView from '../../../src/language/LanguageView.vue'

beforeAll(() => applyLocale('de', { keepOffline: false })) // every language's texts load lazily, German too

afterEach(async () => {
  await db.settings.clear()
  document.body.innerHTML = ''
})

describe('LanguagePicker', () => {
  it('lists every language in its own name and script, marks the current one, and tells which one was tapped', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['hi-IN'])
    const wrapper = mount(LanguagePicker, { props: { current: 'uk', labelledby: 'language-title' }, global: { plugins: [i18n] } })
    expect(wrapper.findAll('ul').map((u) => u.attributes('aria-labelledby'))).toEqual(['language-title'])
    const buttons = wrapper.findAll('button')
    expect(buttons).toHaveLength(21)
    expect(buttons.slice(0, 5).map((b) => b.text())).toEqual(['Deutsch', 'Einfaches Deutsch', 'English', 'Українська', 'العربية'])
    expect(buttons.map((b) => b.text())).toContain('ትግርኛ')
    expect(buttons.slice(0, 5).map((b) => `${b.attributes('lang')}:${b.attributes('dir')}:${b.attributes('aria-pressed')}`)).toEqual([
      'de:ltr:false',
      'de-x-easy:ltr:false',
      'en:ltr:false',
      'uk:ltr:true',
      'ar:rtl:false',
    ])
    await buttons[4]!.trigger('click')
    expect(wrapper.emitted('choose')).toEqual([['ar']])
    vi.restoreAllMocks()
  })

  it('shows the phone languages first under their own heading, then all the others', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fa-AF', 'ps', 'en'])
    const wrapper = mount(LanguagePicker, { props: { labelledby: 'more-language', groupHeading: 'h3' }, global: { plugins: [i18n] } })
    const [phone, all] = wrapper.findAll('ul')
    expect(phone!.findAll('button').map((b) => b.attributes('lang'))).toEqual(['prs', 'ps', 'en'])
    expect(all!.findAll('button')).toHaveLength(18)
    expect(wrapper.findAll('h3').map((h) => h.text())).toEqual(['Sprachen Ihres Telefons', 'Alle Sprachen'])
    expect(phone!.attributes('aria-labelledby')).toBe(wrapper.findAll('h3')[0]!.attributes('id'))
    vi.restoreAllMocks()
  })
})

describe('LanguageView', () => {
  it('keeps the choice on the phone, turns the page right to left for Arabic, and goes on where the person wanted to go', async () => {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/welcome', component: LanguageView },
        { path: '/guide', component: { render: () => null } },
      ],
    })
    await router.push('/welcome?next=/guide')
    const wrapper = mount(LanguageView, { global: { plugins: [createPinia(), router, i18n] } })
    expect(wrapper.get('h1').text()).toBe('Sprache wählen')

    await wrapper.findAll('button').find((b) => b.text() === 'العربية')!.trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/guide'))
    await flushPromises()
    expect(document.documentElement.lang).toBe('ar')
    expect(document.documentElement.dir).toBe('rtl')
    expect((await db.settings.get('locale'))?.value).toBe('ar')
    expect(wrapper.get('h1').text()).toBe('اختر لغتك')
  })
})
