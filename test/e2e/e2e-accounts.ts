/** Coordinator accounts the e2e server starts with (made by scripts/coordinator-add.ts in playwright.config.ts). */
export const E2E_PASSWORD = 'e2e coordinator password'
export type E2eCoordinator = 'admin@example.org' | 'stendal@example.org' | 'harz@example.org'
