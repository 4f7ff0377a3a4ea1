import type { FormatId, Reader } from './types.js';

/**
 * A reader module declares its format, how confident it is that a file is in its format (from the first
 * lines and the file name), and how to read it. The case builder sniffs with every module and picks the
 * most confident; `--as FORMAT` skips sniffing.
 */
export interface ReaderModule {
  format: FormatId;
  description: string;
  /** 0 = certainly not, 1 = certainly. `head` holds the first non-empty lines (≤ 50), decompressed. */
  sniff(head: readonly string[], fileName: string): number;
  read: Reader;
}
