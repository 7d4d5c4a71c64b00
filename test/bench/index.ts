/**
 * `npm run bench`: prints throughput figures; medians of several runs, measured in one process.
 * BENCH_ONLY=storage runs the storage section alone (lowdb and PostgreSQL, ~5 min).
 */
import { runDeliveryBench } from './delivery.ts';
import { runEngineBench } from './engine.ts';
import { runHttpBench } from './http.ts';
import { runImpactBench } from './impact.ts';
import { runStorageBackendsBench } from './storage.ts';
import { runValidationBench } from './validation.ts';

console.log(`Rubric Studio benchmarks — Node ${process.version}, ${new Date().toISOString()}\n`);
if (process.env.BENCH_ONLY === 'storage') {
  await runStorageBackendsBench();
} else {
  await runEngineBench();
  console.log();
  await runValidationBench();
  console.log();
  await runImpactBench();
  console.log();
  await runHttpBench();
  console.log();
  await runDeliveryBench();
  console.log();
  await runStorageBackendsBench();
}
