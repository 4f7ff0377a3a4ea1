// Runs the parse worker from TypeScript sources (tests, benchmarks): registers tsx's loader in this worker
// thread, then loads the worker module. Built code (dist/) starts parse-worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
