import { mailMessages } from '../i18n/locale-messages.ts'
import { escapeHtml } from './mail-render.ts'

export type MailPage = 'confirm' | 'confirmed' | 'unsubscribe' | 'unsubscribed' | 'unknown'

/**
 * The small page a mail's link opens, in the registration's language. Opening it changes nothing
 * (mail scanners open links); its button posts. No script, no external resources.
 */
export function mailPage(page: MailPage, lang: string): string {
  const texts = mailMessages(lang) as { dir: string; page: Record<string, string> }
  const t = texts.page
  const pages: Record<MailPage, [string, string]> = {
    confirm: [t.confirmTitle!, `<form method="post"><button type="submit">${escapeHtml(t.confirmButton!)}</button></form>`],
    confirmed: [t.confirmTitle!, `<p>${escapeHtml(t.confirmed!)}</p>`],
    unsubscribe: [t.unsubscribeTitle!, `<form method="post"><button type="submit">${escapeHtml(t.unsubscribeButton!)}</button></form>`],
    unsubscribed: [t.unsubscribeTitle!, `<p>${escapeHtml(t.unsubscribed!)}</p>`],
    unknown: [t.unsubscribeTitle!, `<p>${escapeHtml(t.unknown!)}</p>`],
  }
  const [title, body] = pages[page]
  const dir = texts.dir === 'rtl' ? 'rtl' : 'ltr'
  return [
    `<!doctype html><html lang="${escapeHtml(lang)}" dir="${dir}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><link rel="stylesheet" href="/mail-page.css"></head>`,
    `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
  ].join('\n')
}
