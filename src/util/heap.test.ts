import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { HeapGuard } from './heap.js';

describe('HeapGuard', () => {
  it('leaves the heap alone until it has grown by the slack', () => {
    expect(new HeapGuard(1024 ** 4).check()).toBe(false);
  });

  it('collects dead objects once the heap has grown past the slack', () => {
    const guard = new HeapGuard(8 * 1024 * 1024);
    // ~40 MB of short-lived strings, dropped at once: dead, but still counted until a collection.
    let junk: string[] | null = Array.from({ length: 200_000 }, (_, i) => `${i}`.padEnd(100, 'x'));
    const grown = getHeapStatistics().used_heap_size;
    junk = null;
    expect(junk).toBeNull();
    expect(guard.check()).toBe(true);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(grown - 8 * 1024 * 1024);
    // Measured again from the collected size: no second collection right after.
    expect(guard.check()).toBe(false);
  });
});
