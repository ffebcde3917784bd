import type { Doc, Token } from '../document.js';
import { isComma, lower } from '../phrases.js';
import { anyDash } from './dashes.js';
import { finiteVerbAhead } from './clauses.js';

/**
 * What some verbs take as what was said: the amount a report discloses, the topic of a complaint; an amount opening
 * a clause.
 */

/** "about half of the cost was …", "at least six planes flew …": a preposition of amount opening a clause. */
export function amountClause(doc: Doc, k: number, limit: number): boolean {
  const bound = ['least', 'most'].includes(lower(doc.tokens[k + 1])) ? k + 2 : k + 1;
  return isAmount(doc.tokens[bound]) && finiteVerbAhead(doc, bound + 1, limit);
}

/** A number or a share ("about 40 people", "about half of them said"). */
function isAmount(t: Token | undefined): boolean {
  return t !== undefined && !t.quote && (t.pos === 'NUM' || ['half', 'third', 'quarter', 'dozen', 'dozens', 'hundreds', 'thousands', 'millions'].includes(lower(t)));
}

/** The last token before ", making …" (a comma and a participle that comments on the clause), else `last`. */
export function participleTailStart(doc: Doc, from: number, last: number): number {
  for (let k = from + 1; k < last; k++) {
    const next = doc.tokens[k + 1];
    if (isComma(doc.tokens[k]) && !doc.tokens[k]?.quote && next && !next.quote && next.pos === 'VERB' && /ing$/.test(lower(next))) return k - 1;
  }
  return last;
}

/** Verbs whose "about"/"of" phrase is what was said: a complaint, a boast, a joke, a warning. */
export const TOPIC_SPEECH = new Set(['complain', 'boast', 'brag', 'joke', 'warn', 'lament']);

/** The last token of the topic after "about"/"of": before a comma, a semicolon, a colon, a dash, or "but"/"and" and a verb. */
export function topicEnd(doc: Doc, from: number, limit: number): number {
  for (let k = from + 1; k <= limit; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote) continue;
    const joinsVerb = ['but', 'and'].includes(lower(t)) && ['VERB', 'AUX', 'ADV'].includes(doc.tokens[k + 1]?.pos ?? '');
    if (isComma(t) || [';', ':'].includes(t.text) || anyDash(doc, k) || joinsVerb) return k - 1;
  }
  return limit;
}

/** Verbs by which someone gives figures of their own ("reported earning …", "disclosed between …"). */
export const DISCLOSURES = new Set(['report', 'disclose']);

/**
 * A gerund of having or gaining money ("having $3 million", "earning", "raising") or "between" and an amount, at `k`:
 * what a report or disclosure gave.
 */
export function disclosedAmount(doc: Doc, k: number, limit: number): boolean {
  const t = doc.tokens[k];
  if (!t || t.quote || k >= limit) return false;
  if (t.pos === 'VERB' && /ing$/.test(lower(t))) return ['have', 'earn', 'raise', 'spend', 'owe', 'receive', 'make', 'lose', 'give', 'pay'].includes(t.lemma);
  if (lower(t) !== 'between') return false;
  const first = doc.tokens[k + 1]?.text === '$' ? k + 2 : k + 1;
  return isAmount(doc.tokens[first]);
}
