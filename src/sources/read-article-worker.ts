import { parentPort } from 'node:worker_threads';
import { answerRead, type ReadRequest } from './read-article.js';

/** The reading thread's entry (started by article-reader.ts): each request read in turn, each answered. */
parentPort?.on('message', (request: ReadRequest) => parentPort?.postMessage(answerRead(request)));
