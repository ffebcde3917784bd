import type { Range } from '../../text/index.js';
import type { Cue } from '../cues.js';
import type { Doc, Sentence } from '../document.js';
import { isComma, isDescription, phraseStartingAt, type Span } from '../phrases.js';
import type { Maker, SourcePhrase, Statement } from './statement.js';
import { boundaryBefore, firstWord, nextComma, tokensRange } from './token-ranges.js';
import { isAdjunctTail } from './clauses.js';

/** "According to S, C" · "C, according to S": a phrase, not a verb's subject, credits the clause around it. */

/** "According to S, C", "C, according to S", "C, according to S, C". */
export function according(doc: Doc, cue: Cue, sentence: Sentence, make: Maker): Statement | null {
  const head = phraseStartingAt(doc, cue.last + 1, sentence.last);
  if (!head) return null;
  const appositions: Span[] = [];
  let end = head.last;
  while (isComma(doc.tokens[end + 1])) {
    const segEnd = nextComma(doc, end + 2, sentence.last);
    const seg = { first: end + 2, last: segEnd };
    // An apposition after "according to S" is closed by a comma: the content follows it.
    if (seg.last < seg.first || !isDescription(doc, seg) || !isComma(doc.tokens[segEnd + 1])) break;
    appositions.push(seg);
    end = segEnd;
  }
  // "according to the agency on Monday," — words up to the comma without a verb of their own still attribute.
  const comma = nextComma(doc, end + 1, sentence.last);
  if (comma > end && comma < sentence.last && isAdjunctTail(doc, end + 1, comma)) end = comma;
  const source: SourcePhrase = { head, appositions, inverted: true };
  // "Also according to S, C": an adverb or a conjunction alone before it says nothing.
  const beforeLast = boundaryBefore(doc, cue.first);
  // "… (C, according to S)": inside brackets, S credits only what the brackets hold.
  const beforeFirst = openBracketBefore(doc, sentence.first, cue.first) ?? sentence.first;
  const saysSomething = doc.tokens.slice(beforeFirst, beforeLast + 1).some((t) => t.quote || !['ADV', 'CCONJ', 'PUNCT'].includes(t.pos));
  const beforePart = saysSomething ? tokensRange(doc, beforeFirst, beforeLast) : null;
  // "According to S" scopes over the whole clause after it, statements inside it included.
  const afterPart = isComma(doc.tokens[end + 1]) ? tokensRange(doc, firstWord(doc, end + 1, sentence.last), sentence.last) : null;
  const parts = [beforePart, afterPart].filter((p): p is Range => p !== null);
  return parts.length > 0 ? make(parts, source, null, 'according') : null;
}

/** The first token after a "(" left open between `first` and `before` (a bracket closed again is skipped), or null. */
function openBracketBefore(doc: Doc, first: number, before: number): number | null {
  let depth = 0;
  for (let k = before - 1; k >= first; k--) {
    const t = doc.tokens[k]?.text;
    if (t === ')') depth++;
    else if (t === '(' && depth-- === 0) return k + 1;
  }
  return null;
}
