/** `npm run bench`: prints throughput figures; medians of several runs, measured in one process. */
import { runEngineBench } from './engine.ts';

console.log(`Rubric Studio benchmarks — Node ${process.version}, ${new Date().toISOString()}\n`);
await runEngineBench();
