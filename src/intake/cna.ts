import type { ReaderModule } from './registry.js';
import { emptyStats } from './types.js';

// Placeholder exports so the registry compiles; the real readers replace these.
export const cnaDiscreteReader: ReaderModule = {
  format: 'cna-discrete',
  description: 'cna-discrete (not yet implemented)',
  sniff: () => 0,
  read: async (path, options) => ({ file: options.displayName ?? path, format: 'cna-discrete', samples: [], patients: [], issues: [], stats: emptyStats() }),
};
export const cnaLongReader: ReaderModule = {
  format: 'cna-long',
  description: 'cna-long (not yet implemented)',
  sniff: () => 0,
  read: async (path, options) => ({ file: options.displayName ?? path, format: 'cna-long', samples: [], patients: [], issues: [], stats: emptyStats() }),
};
