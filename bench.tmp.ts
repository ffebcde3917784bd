import { performance } from 'node:perf_hooks';
import { distinctNames } from './bench/lib/adversarial-inputs.js';
import { extractWithReport } from './src/ingest/extract.js';
const shape = process.argv[2];
const mk = (n: number) => shape === 'list' ? `Harbour plan\n\n“We will see,” ${distinctNames(n).join(', ')} said.\n` : `Harbour plan\n\n${distinctNames(n).map((x) => `${x} said the harbour would open.`).join('\n\n')}\n`;
extractWithReport(mk(100));
for (const n of process.argv.slice(3).map(Number)) { const t = mk(n); const s = performance.now(); extractWithReport(t); console.log(shape, n, Math.round(performance.now() - s)); }
