import { parentPort } from 'node:worker_threads';
import { tagText } from '../text/tagger.js';
import { answerRead, type ReadRequest } from './read-article.js';

/** The reading thread's entry (started by article-reader.ts): each request read in turn, each answered. */
parentPort?.on('message', (request: ReadRequest) => parentPort?.postMessage(answerRead(request)));

// The tagger's model loads on first use: load it now, while the first page is still downloading.
tagText('Ready.');
