/**
 * The server's clock. Everything the server decides by the date — dates ahead, the calendar feed,
 * sessions, retention, tokens — asks this function, never `new Date()`: tests set the date with it.
 */
export type Clock = () => Date

export const systemClock: Clock = () => new Date()

declare module 'fastify' {
  interface FastifyInstance {
    /** The current time from the clock given to `buildApp` (the real one unless a test sets it). */
    now: Clock
  }
}
