// Kept apart so the town list loads with the district chooser only, not with the start screen.
export { TOWNS } from '../shared/towns.ts'
