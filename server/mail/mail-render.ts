import type { MailData } from '../db/schema.ts'
import { appMessagesForMail, mailMessages } from '../i18n/locale-messages.ts'
import { berlinFormatter } from '../../src/shared/berlin-time.ts'
import { CONFIRM_KINDS, type MailKind } from './mail-kinds.ts'

/** What a mail says, ready for the transport. */
export interface OutgoingMail {
  subject: string
  text: string
  html: string
  /** Header values that are never built from what a person typed. */
  headers: Record<string, string>
  attachments: Array<{ filename: string; contentType: string; content: string }>
}

type Texts = Record<string, Record<string, string> | string>

/** The links of a mail; `manage` is a sign-up's manage page or a partner declaration's status page. */
export function mailLinks(publicUrl: string, data: Pick<MailData, 'mailToken' | 'manageToken' | 'statusToken'>) {
  return {
    confirm: data.mailToken ? `${publicUrl}/api/v1/mail/confirm/${data.mailToken}` : undefined,
    unsubscribe: data.mailToken ? `${publicUrl}/api/v1/mail/unsubscribe/${data.mailToken}` : undefined,
    manage: data.manageToken ? `${publicUrl}/manage/${data.manageToken}` : data.statusToken ? `${publicUrl}/partners/status/${data.statusToken}` : undefined,
  }
}

/**
 * A decided partner declaration's outcome in the mail's language, in the words the app's status page
 * uses (`partners.status`, `partners.rejectReasons`, `partners.outcomeNote`), German where it has none.
 */
function decisionTexts(lang: string, decision: NonNullable<MailData['decision']>): string[] {
  const own = (appMessagesForMail(lang) as { partners: Record<string, Record<string, string> | string> }).partners
  const status = own.status as Record<string, string>
  const reasons = own.rejectReasons as Record<string, string>
  return [
    decision.status === 'applied' ? status.applied! : status.declined!,
    ...(decision.reason && reasons[decision.reason] ? [reasons[decision.reason]!] : []),
    ...(decision.note ? [fill(own.outcomeNote as string, { note: decision.note })] : []),
  ]
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** One line of a header: what a person typed (a title, a name) can never start a header of its own. */
export const oneLine = (s: string) => s.replace(/[\r\n\t\v\f\u0085\u2028\u2029]+/g, ' ').trim()

function when(lang: string, iso: string): string {
  return berlinFormatter(lang, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso))
}

/**
 * The mail of one kind in the person's language (German where there are no mail texts in it): plain
 * text and the same as simple HTML (paragraphs and links; no images, nothing loaded from elsewhere),
 * with the manage link and a one-click unsubscribe (RFC 8058).
 */
export function renderMail(kind: MailKind, data: MailData, publicUrl: string): OutgoingMail {
  const texts = mailMessages(data.lang) as Texts
  const common = texts.common as Record<string, string>
  const own = texts[kind] as Record<string, string>
  const event = data.event
  const values = {
    name: data.name,
    title: event?.title ?? '',
    when: event ? when(data.lang, event.startsAt) : '',
    place: event?.place ?? '',
    hours: String(data.validHours ?? ''),
  }
  const links = mailLinks(publicUrl, data)
  const confirming = CONFIRM_KINDS.has(kind)
  const link = confirming ? links.confirm : data.link && `${publicUrl}${data.link}`
  // Paragraphs of text, each optionally followed by a link on its own line.
  const parts: Array<{ text: string; link?: string | undefined }> = [
    { text: fill(own.greeting ?? common.greeting!, values) },
    { text: fill(own.body!, values), link },
    ...(data.decision ? decisionTexts(data.lang, data.decision).map((text) => ({ text })) : []),
    ...(own.ignore ? [{ text: own.ignore }] : []),
    ...(links.manage && !confirming ? [{ text: own.manage ?? common.manage!, link: links.manage }] : []),
    ...(links.unsubscribe ? [{ text: own.unsubscribe ?? common.unsubscribe!, link: links.unsubscribe }] : []),
    { text: `${own.why ?? common.why!}\n${common.signature!}` },
  ]
  const text = parts.map((p) => (p.link ? `${p.text}\n${p.link}` : p.text)).join('\n\n') + '\n'
  const dir = texts.dir === 'rtl' ? 'rtl' : 'ltr'
  const html = [
    `<!doctype html><html lang="${escapeHtml(data.lang)}" dir="${dir}"><head><meta charset="utf-8"></head><body>`,
    ...parts.map((p) => {
      const body = escapeHtml(p.text).replace(/\n/g, '<br>')
      return p.link ? `<p>${body}<br><a href="${escapeHtml(p.link)}">${escapeHtml(p.link)}</a></p>` : `<p>${body}</p>`
    }),
    '</body></html>',
  ].join('\n')
  // Mail about an account (a link to set a password) has nothing to unsubscribe from.
  const unsubscribe: Record<string, string> = links.unsubscribe ? { 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}
  return {
    subject: oneLine(fill(own.subject!, values)),
    text,
    html,
    headers: unsubscribe,
    attachments: data.ics ? [{ filename: data.ics.filename, contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: data.ics.content }] : [],
  }
}
