import { parentPort } from 'node:worker_threads';
import { answerRead, type ReadRequest } from '../../src/sources/read-article.js';

/** A reading thread that dies (the thread exits, as on a crash) when a text starts with "EXIT", never answers when it starts with "HANG", and reads as the real one otherwise. */
parentPort?.on('message', (request: ReadRequest) => {
  if (request.job.kind === 'text' && request.job.text.startsWith('EXIT')) process.exit(3);
  if (request.job.kind === 'text' && request.job.text.startsWith('HANG')) return;
  parentPort?.postMessage(answerRead(request));
});
