import type { Issue, Trial } from '../domain/index.js';
import { trialsFromJsonText } from './import-ctgov-json.js';
import { trialFromXmlText } from './import-ctgov-xml.js';

const decoder = new TextDecoder('utf-8');

/** Reads one entry into trials (JSON or XML by content, not only by extension). */
export function trialsFromBytes(
  name: string,
  bytes: Uint8Array,
): { trials: Trial[]; format: 'api-v2-json' | 'legacy-xml' | null; issues: Issue[] } {
  const text = decoder.decode(bytes).replace(/^\uFEFF/, '');
  const head = text.trimStart().slice(0, 1);
  if (head === '{' || head === '[') {
    const r = trialsFromJsonText(text, name);
    return { trials: r.trials, format: 'api-v2-json', issues: r.issues };
  }
  if (head === '<') {
    const r = trialFromXmlText(text, name);
    return { trials: r.trial ? [r.trial] : [], format: 'legacy-xml', issues: r.issues };
  }
  return {
    trials: [],
    format: null,
    issues: [
      { severity: 'error', code: 'trials.unknown-format', message: 'neither JSON nor XML', file: name },
    ],
  };
}
