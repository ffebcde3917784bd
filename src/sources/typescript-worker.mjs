// A worker thread started from source (npm run dev, tests): tsx is registered in the thread, then the
// TypeScript entry given as argv[2] runs. The built bot starts its compiled .js workers directly.
import { argv } from 'node:process';
import { register } from 'tsx/esm/api';

register();
await import(argv[2]);
