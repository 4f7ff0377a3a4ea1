import { parentPort } from 'node:worker_threads';
import { trialsFromBytes } from './from-bytes.js';
import { prepareTrialRows } from './rows.js';

/**
 * Worker side of the import parse pool (parse-pool.ts): registry bytes in, prepared store rows out. Only parsing happens
 * here; every database write stays on the importing thread, inside its one transaction.
 */
export interface ParseRequest {
  seq: number;
  name: string;
  bytes: Uint8Array;
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (req: ParseRequest) => {
    try {
      // Rows are prepared here too (JSON of criteria, sites, screening rows): the importing thread then only
      // runs statements, and plain strings cross the thread boundary much faster than trial objects.
      const r = trialsFromBytes(req.name, req.bytes);
      port.postMessage({
        seq: req.seq,
        prepared: r.trials.map(prepareTrialRows),
        format: r.format,
        issues: r.issues,
      });
    } catch (err) {
      port.postMessage({ seq: req.seq, crash: err instanceof Error ? err.message : String(err) });
    }
  });
}
