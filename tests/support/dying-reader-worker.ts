import { parentPort } from 'node:worker_threads';
import { answerRead, type ReadRequest } from '../../src/sources/read-article.js';

/** A reading thread that dies (the thread exits, as on a crash) when a text starts with "EXIT", and reads as the real one otherwise. */
parentPort?.on('message', (request: ReadRequest) => {
  if (request.job.kind === 'text' && request.job.text.startsWith('EXIT')) process.exit(3);
  parentPort?.postMessage(answerRead(request));
});
