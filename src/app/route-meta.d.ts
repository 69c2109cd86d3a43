import 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** `coordination` for the coordinator workspace (own layout, no bottom navigation). */
    area?: 'coordination'
    /** Open without a coordinator session (the login page). */
    public?: boolean
    /** Finds its language itself (a manage link on a device with none chosen): no language picker first. */
    ownLanguage?: boolean
    /** Says only what the first part of a language's texts holds (src/i18n/text-parts.ts): no wait for the rest. */
    startTexts?: boolean
  }
}
