/**
 * A one-line progress bar on stderr, shown only for long work on a terminal (files over a few MB),
 * and never with --quiet or when stderr is not a TTY (CI logs stay clean).
 */
export interface ProgressBar {
  update(done: number, total: number): void;
  done(): void;
}

export function progressBar(label: string, options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): ProgressBar {
  const stream = options.stream ?? process.stderr;
  if (options.quiet || !stream.isTTY) return { update() {}, done() {} };
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      shown = true;
      const frac = total > 0 ? Math.min(1, done / total) : 0;
      const width = 30;
      const filled = Math.round(frac * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}%`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

/** Files at least this big get a progress bar. */
export const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;
