import { describe, expect, it } from 'vitest';
import { finishFacts, type CaseFacts } from './facts.js';

describe('finishFacts: lines of systemic therapy for advanced disease', () => {
  it('counts metastatic and unlabeled systemic therapy, not adjuvant, neoadjuvant, maintenance or radiation', () => {
    const f: CaseFacts = {
      sex: 'female',
      sites: [],
      alterations: [],
      biomarkers: [],
      profiled: false,
      priorLines: 0,
      priorTherapies: [
        { drugs: ['doxorubicin', 'cyclophosphamide'], classes: [], type: 'systemic', setting: 'neoadjuvant' },
        { drugs: ['tamoxifen'], classes: [], type: 'systemic', setting: 'adjuvant' },
        { drugs: ['letrozole', 'palbociclib'], classes: [], type: 'systemic', setting: 'metastatic' },
        { drugs: ['capecitabine'], classes: [], type: 'systemic' },
        { drugs: ['capecitabine'], classes: [], type: 'systemic', setting: 'maintenance' },
        { drugs: [], classes: [], type: 'radiation' },
      ],
    };
    finishFacts(f);
    expect(f.priorLines).toBe(2);
  });
});
