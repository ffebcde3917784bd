/** Why an article could not be taken from a link or a file; each has its own message for the admin. */
export type SourceProblem =
  | 'bad-url'
  | 'blocked-address'
  | 'unreachable'
  | 'timeout'
  | 'too-many-redirects'
  | 'http-status'
  | 'not-text'
  | 'too-large'
  | 'binary'
  | 'unsupported-file'
  | 'no-article'
  | 'no-quotes'
  /** The thread reading the article died (a crash, out of memory): nothing the admin gave is at fault. */
  | 'reader-failed'
  /** Reading the article took longer than the reading thread's limit. */
  | 'reader-timeout';

/** A failure to fetch, read or ingest an article; `message` is written for the server admin who asked. */
export class ArticleSourceError extends Error {
  override name = 'ArticleSourceError';
  constructor(
    readonly problem: SourceProblem,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
