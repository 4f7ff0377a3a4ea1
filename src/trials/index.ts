/** Clinical trials: what other stages (reports, the HTTP API) call. See docs/trials.md. */
export { matchTrials, evaluateTrial, OPEN_STATUSES, type MatchOptions, type MatchResult } from './matcher.js';
export { factsFromCase, type CaseFacts } from './facts.js';
export { factsFromNote } from './note.js';
export { importTrials, type ImportOptions, type ImportResult } from './import.js';
export { syncTrials, type SyncOptions, type SyncResult } from './sync.js';
export { TrialStore, migrateTrials, type TrialStats } from './store.js';
export { geocode, nearestSite, distanceKm, parseRadius, pointOfLocation, type GeoPoint } from './geo.js';
export { splitEligibility } from './eligibility/split.js';
export { parseCriterion, CATEGORIES, type ParsedItem } from './eligibility/parse.js';
