import type { Range } from '../../text/index.js';
import type { Cue } from '../cues.js';
import type { Doc, Sentence } from '../document.js';
import { isComma, lower, phraseStartingAt } from '../phrases.js';
import type { SourcePhrase } from './statement.js';
import { nextComma, tokensRange } from './token-ranges.js';
import { isAdjunctTail } from './clauses.js';

/**
 * "The new plan, first reported by the Ledger on Monday, is the council's answer to …": a speech verb's passive
 * participle with its agent, set off by commas between a subject and its predicate. The agent said the clause around
 * the aside (the subject and the predicate); the predicate's first word is returned so that it is read as no cue.
 */
export function passiveAside(doc: Doc, cue: Cue, sentence: Sentence): { source: SourcePhrase; parts: Range[]; predicate: number } | null {
  if (lower(doc.tokens[cue.last + 1]) !== 'by' || doc.tokens[cue.first]?.quote) return null;
  let open = cue.first - 1;
  while (open > sentence.first && doc.tokens[open]?.pos === 'ADV') open--;
  if (!isComma(doc.tokens[open]) || open <= sentence.first) return null;
  const head = phraseStartingAt(doc, cue.last + 2, sentence.last);
  if (!head) return null;
  const close = nextComma(doc, head.last + 1, sentence.last) + 1;
  if (!isComma(doc.tokens[close]) || (close > head.last + 1 && !isAdjunctTail(doc, head.last + 1, close - 1))) return null;
  const verb = doc.tokens[close + 1];
  // The subject before the aside has no verb of its own; the predicate after it opens with one.
  const subject = doc.tokens.slice(sentence.first, open);
  if (!verb || verb.quote || !['VERB', 'AUX'].includes(verb.pos) || /ing$/.test(lower(verb)) || subject.some((t) => t.quote || ['VERB', 'AUX'].includes(t.pos))) return null;
  const before = tokensRange(doc, sentence.first, open - 1);
  const after = tokensRange(doc, close + 1, sentence.last);
  if (!before || !after) return null;
  return { source: { head, appositions: [], inverted: true }, parts: [before, after], predicate: close + 1 };
}
