import type { ReaderModule } from './registry.js';
import { emptyStats } from './types.js';

// Placeholder exports so the registry compiles; the real readers replace these.
export const svReader: ReaderModule = {
  format: 'sv',
  description: 'sv (not yet implemented)',
  sniff: () => 0,
  read: async (path, options) => ({ file: options.displayName ?? path, format: 'sv', samples: [], patients: [], issues: [], stats: emptyStats() }),
};
export const fusionListReader: ReaderModule = {
  format: 'fusion-list',
  description: 'fusion-list (not yet implemented)',
  sniff: () => 0,
  read: async (path, options) => ({ file: options.displayName ?? path, format: 'fusion-list', samples: [], patients: [], issues: [], stats: emptyStats() }),
};
