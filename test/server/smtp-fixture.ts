import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'
import { onTestFinished } from 'vitest'

export interface ReceivedMail {
  /** The message as it arrived, bytes as text. */
  raw: string
  parsed: ParsedMail
  to: string[]
}

/**
 * A real SMTP server in this process (the `smtp-server` package) on a free loopback port; what arrives
 * is parsed by an independent MIME parser (mailparser). `refuse` answers that many deliveries with a
 * temporary 451 first. Closed when the test ends.
 */
export async function startSmtpServer({ refuse = 0 }: { refuse?: number } = {}) {
  const received: ReceivedMail[] = []
  let refusals = refuse
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--
          return callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }))
        }
        const raw = Buffer.concat(chunks)
        simpleParser(raw).then(
          (parsed) => {
            received.push({ raw: raw.toString('utf8'), parsed, to: session.envelope.rcptTo.map((r) => r.address) })
            callback()
          },
          (err: Error) => callback(err),
        )
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const { port } = server.server.address() as AddressInfo
  return { url: `smtp://127.0.0.1:${port}`, received }
}

/** The values of a header as they arrived (unfolded lines), e.g. List-Unsubscribe. */
export function headerLines(mail: ReceivedMail, name: string): string[] {
  return mail.parsed.headerLines.filter((h) => h.key === name.toLowerCase()).map((h) => h.line.slice(h.line.indexOf(':') + 1).trim())
}
