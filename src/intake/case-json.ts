import type { ReaderModule } from './registry.js';
import { emptyStats } from './types.js';

// Placeholder exports so the registry compiles; the real readers replace these.
export const caseJsonReader: ReaderModule = {
  format: 'case-json',
  description: 'case-json (not yet implemented)',
  sniff: () => 0,
  read: async (path, options) => ({ file: options.displayName ?? path, format: 'case-json', samples: [], patients: [], issues: [], stats: emptyStats() }),
};
