import { parentPort } from 'node:worker_threads';
import { trialsFromBytes } from './from-bytes.js';

/**
 * Worker side of the import parse pool (parse-pool.ts): registry bytes in, trials out. Only parsing happens
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
      port.postMessage({ seq: req.seq, ...trialsFromBytes(req.name, req.bytes) });
    } catch (err) {
      port.postMessage({ seq: req.seq, crash: err instanceof Error ? err.message : String(err) });
    }
  });
}
