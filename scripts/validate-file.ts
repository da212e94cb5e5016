/** Developer aid: validate plan / period JSON files against the data-format schemas (shape only). */
import { readFileSync } from 'node:fs';
import { planFileSchema, PLAN_FORMAT } from '../src/core/schemas/plan.schema.js';
import { periodFileSchema } from '../src/core/schemas/period.schema.js';

let failed = false;
for (const file of process.argv.slice(2)) {
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const isPlan = (json as { format?: string }).format === PLAN_FORMAT;
  const result = (isPlan ? planFileSchema : periodFileSchema).safeParse(json);
  if (result.success) {
    console.log(`${file}: ok`);
  } else {
    failed = true;
    for (const issue of result.error.issues) console.log(`${file}: $.${issue.path.join('.')}: ${issue.message}`);
  }
}
process.exit(failed ? 1 : 0);
