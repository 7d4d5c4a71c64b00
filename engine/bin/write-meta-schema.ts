/**
 * `npm run schema`: writes the published meta-schemas (rubric-schemas/rubric-1.schema.json and
 * rubric-2.schema.json) from the engine's, whose scoring definitions come from the kinds registry.
 * Run it after adding or changing a scoring kind; test/engine/meta-schema-file.test.ts fails until
 * the files are in step.
 */
import { writeFileSync } from 'node:fs';
import { RUBRIC_2_META_SCHEMA, RUBRIC_META_SCHEMA } from '../index.ts';

for (const [name, schema] of [
  ['rubric-1.schema.json', RUBRIC_META_SCHEMA],
  ['rubric-2.schema.json', RUBRIC_2_META_SCHEMA],
] as const) {
  const file = new URL(`../../rubric-schemas/${name}`, import.meta.url);
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`Wrote ${file.pathname} / 已写入 ${file.pathname}`);
}
