/**
 * `npm run schema`: writes the published meta-schema (rubric-schemas/rubric-1.schema.json) from
 * the engine's, whose scoring definitions come from the kinds registry. Run it after adding or
 * changing a scoring kind; test/engine/meta-schema-file.test.ts fails until the file is in step.
 */
import { writeFileSync } from 'node:fs';
import { RUBRIC_META_SCHEMA } from '../index.ts';

const file = new URL('../../rubric-schemas/rubric-1.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(RUBRIC_META_SCHEMA, null, 2)}\n`);
console.log(`Wrote ${file.pathname} / 已写入 ${file.pathname}`);
