import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { CASE_SCHEMA_VERSION, CaseInputSchema } from '../src/domain/index.js';
import { writeFileAtomic } from '../src/util/atomic.js';

/**
 * Writes docs/case.schema.json from CaseInputSchema (zod 4 `z.toJSONSchema`, JSON Schema draft 2020-12, the
 * input side so defaulted fields are optional). A test compares the committed file with a fresh generation.
 * Run: `npx tsx scripts/gen-schema.ts`.
 */
export const SCHEMA_PATH = resolve(fileURLToPath(import.meta.url), '..', '..', 'docs', 'case.schema.json');

export function caseJsonSchemaText(): string {
  const schema = z.toJSONSchema(CaseInputSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  });
  const out = {
    $schema: schema.$schema,
    title: `onconav case (${CASE_SCHEMA_VERSION})`,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileAtomic(SCHEMA_PATH, caseJsonSchemaText());
  process.stdout.write(`wrote ${SCHEMA_PATH}\n`);
}
