/**
 * What the command-line tools print is safe for the terminal and the scripts that read it, whatever
 * the question or the article contains.
 */

/**
 * Characters JSON allows raw inside a string but that break what reads a line: U+2028/U+2029 end a
 * line for JavaScript and many editors, and C1 controls (U+0080-U+009F) and DEL are commands to
 * some terminals. JSON.stringify already escapes C0 controls.
 */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029]/g;

/** One value as one line of JSON: the `--json` contract. */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value).replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/**
 * Control characters (escape sequences that recolour, move the cursor or retitle the terminal),
 * and the invisible marks that reverse how text reads (bidirectional overrides).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_ON_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text for a person's terminal: each control character shown as U+FFFD, never acted on. Line breaks and tabs stay. */
export function forTerminal(text: string): string {
  return text.replace(UNSAFE_ON_TERMINAL, '\ufffd');
}

/**
 * Lines of a stream as people and scripts mean them: split on "\n" only, a "\r" just before it
 * dropped (Windows line endings). A lone "\r" is part of the line, not the end of one.
 */
export async function* inputLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  let pending = '';
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
      yield pending.slice(start, end).replace(/\r$/, '');
      start = end + 1;
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  if (pending !== '') yield pending.replace(/\r$/, '');
}
