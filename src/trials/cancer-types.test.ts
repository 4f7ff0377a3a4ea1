import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANY, cancerAncestors, conditionsToCodes, isCancerA, SOLID } from './cancer-types.js';

describe('conditionsToCodes (registry conditions → OncoTree)', () => {
  it('reads the specific names the patterns know', () => {
    expect(conditionsToCodes(['Non-small Cell Lung Cancer', 'Lung Adenocarcinoma'])).toEqual([
      'NSCLC',
      'LUAD',
    ]);
    expect(conditionsToCodes(['Metastatic Pancreatic Cancer'])).toEqual(['PAAD']);
  });

  it('falls back to OncoTree names, MeSH-style organ wording and generic cancer words', () => {
    const cases: Array<[string, string[]]> = [
      ['Carcinoma, Renal Cell', ['RCC']],
      ['Retinoblastoma', ['RBL']],
      ['Carcinoma of Unknown Primary', ['CUP']],
      ['Pancreas Cancer', ['PANCREAS']],
      ['Kidney Neoplasms', ['KIDNEY']],
      ['Urinary Bladder Neoplasms', ['BLADDER']],
      ['Neoplasms, Breast', ['BREAST']],
      ['Brain and Central Nervous System Tumors', ['BRAIN']],
      ['Testicular Germ Cell Tumor', ['TESTIS']],
      ['Endometrial Clear Cell Adenocarcinoma', ['UTERUS']],
      ['Anal Cancer', ['BOWEL']],
      ['Cancer', [ANY]],
      ['Advanced Cancers', [ANY]],
      ['Malignant Neoplasm', [ANY]],
      ['Neoplasm Metastasis', [ANY]],
      // Metastases named by their site: a metastatic solid tumor, not a brain or liver cancer.
      ['Brain Metastases', [SOLID]],
      ['Liver Metastases', [SOLID]],
    ];
    for (const [condition, codes] of cases)
      expect([condition, conditionsToCodes([condition])]).toEqual([condition, codes]);
  });

  it('leaves conditions that are not a cancer unmapped', () => {
    for (const c of [
      'Precancerous Condition',
      'Genetic Predisposition to Cancer',
      'Hereditary Neoplasms',
      'Cervix, Dysplasia',
      'Cancer Survivors',
      'HIV Infections',
      'Pain',
      'Healthy',
    ])
      expect([c, conditionsToCodes([c])]).toEqual([c, []]);
  });

  it('maps every condition to codes on the tree, each under all tumors (property)', () => {
    const word = fc.constantFrom(
      'Cancer',
      'Neoplasms',
      'Tumor',
      'Carcinoma',
      'Metastases',
      'Brain',
      'Kidney',
      'Breast',
      'Lung',
      'Advanced',
      'Benign',
      'Skin',
      ',',
      'of the',
      'Cervical',
      'Renal Cell',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 5 }), (ws) => {
        for (const code of conditionsToCodes([ws.join(' ')])) {
          expect(cancerAncestors(code).at(-1)).toBe(ANY);
          expect(isCancerA(code, ANY)).toBe(true);
        }
      }),
    );
  });
});
