import type { ReaderModule } from './registry.js';
import { emptyStats } from './types.js';

// Placeholder exports so the registry compiles; the real readers replace these.
export const clinicalSampleReader: ReaderModule = {
  format: 'clinical-sample',
  description: 'clinical-sample (not yet implemented)',
  sniff: () => 0,
  read: async (path, options) => ({ file: options.displayName ?? path, format: 'clinical-sample', samples: [], patients: [], issues: [], stats: emptyStats() }),
};
export const clinicalPatientReader: ReaderModule = {
  format: 'clinical-patient',
  description: 'clinical-patient (not yet implemented)',
  sniff: () => 0,
  read: async (path, options) => ({ file: options.displayName ?? path, format: 'clinical-patient', samples: [], patients: [], issues: [], stats: emptyStats() }),
};
export const genePanelMatrixReader: ReaderModule = {
  format: 'gene-panel-matrix',
  description: 'gene-panel-matrix (not yet implemented)',
  sniff: () => 0,
  read: async (path, options) => ({ file: options.displayName ?? path, format: 'gene-panel-matrix', samples: [], patients: [], issues: [], stats: emptyStats() }),
};
