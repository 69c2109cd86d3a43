import { describe, expect, it } from 'vitest'
import { nextAddress, startAddressLocale, tappedInPrerenderedPicker } from '../../../src/app/start-address-locale.ts'

describe('the language tapped in the prerendered picker', () => {
  it('is read from the start address only, and only for a language the app has', () => {
    expect(startAddressLocale('/', 'ar')).toBe('ar')
    expect(startAddressLocale('/guide/step/x', 'de')).toBeUndefined() // a step's "show the German original"
    expect(startAddressLocale('/', 'xx')).toBeUndefined()
    expect(startAddressLocale('/', ['ar'])).toBeUndefined()
  })

  it('goes on only to an address of this app', () => {
    expect(nextAddress('/guide/step/x?lang=de')).toBe('/guide/step/x?lang=de')
    expect(nextAddress('//evil.example/x')).toBeUndefined()
    expect(nextAddress('https://evil.example/')).toBeUndefined()
    expect(nextAddress(['/meetups'])).toBeUndefined()
  })

  it('is read from the picker in the page when the tap came after the address was read: the link marked current', () => {
    const page = document.implementation.createHTMLDocument()
    page.body.innerHTML = '<main class="boot-picker"><a href="/?lang=de" hreflang="de"></a><a href="/?lang=uk" hreflang="uk"></a></main>'
    expect(tappedInPrerenderedPicker(page)).toBeUndefined()
    page.querySelector('a[hreflang="uk"]')!.setAttribute('aria-current', 'true')
    expect(tappedInPrerenderedPicker(page)).toBe('uk')
    page.querySelector('a[hreflang="uk"]')!.setAttribute('hreflang', 'xx')
    expect(tappedInPrerenderedPicker(page)).toBeUndefined()
  })
})
