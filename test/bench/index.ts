/** `npm run bench`: prints throughput figures; medians of several runs, measured in one process. */
import { runDeliveryBench } from './delivery.ts';
import { runEngineBench } from './engine.ts';
import { runHttpBench } from './http.ts';
import { runImpactBench } from './impact.ts';
import { runValidationBench } from './validation.ts';

console.log(`Rubric Studio benchmarks — Node ${process.version}, ${new Date().toISOString()}\n`);
await runEngineBench();
console.log();
await runValidationBench();
console.log();
await runImpactBench();
console.log();
await runHttpBench();
console.log();
await runDeliveryBench();
