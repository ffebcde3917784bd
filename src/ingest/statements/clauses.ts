import type { Doc } from '../document.js';
import { isComma, lower } from '../phrases.js';

/**
 * What a stretch of a sentence is (a clause with a verb, only where or when), and the word sets the sentence forms
 * share.
 */

/** Prepositions that open where, when or how ("in a statement", "on Monday", "via email"). */
export const ADJUNCT_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'via', 'through', 'over', 'from', 'to', 'with', 'for', 'of', 'about', 'outside', 'inside', 'since', 'by']);
/** Parts of speech that may stand between a subject and its verb ("has long said"). */
export const SKIPPABLE_BEFORE_VERB = new Set(['ADV', 'AUX', 'PART']);
/** Words that open an adverbial clause ("when …", "as …", "though …"). */
export const ADVERBIAL_SUBORDINATORS = new Set(['when', 'as', 'while', 'after', 'before', 'because', 'since', 'until', 'once', 'though', 'although']);

/** Words after an attribution's verb that only say where, when or to whom: no verb or clause of their own, a dozen words at most. */
export function isAdjunctTail(doc: Doc, first: number, last: number): boolean {
  if (last - first > 12) return false;
  for (let k = first; k <= last; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote) continue;
    if (t.pos === 'AUX' || t.pos === 'SCONJ' || (t.pos === 'VERB' && !/(?:ing|ed)$/.test(lower(t)))) return false;
    if (['which', 'who', 'that'].includes(lower(t))) return false;
  }
  return true;
}

/** A stretch that can be what someone said: a quotation, or a clause with a verb of its own. */
export function statesSomething(doc: Doc, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const t = doc.tokens[k];
    if (!t) continue;
    if (t.quote) return true;
    if (t.pos === 'VERB' || t.pos === 'AUX') return true;
  }
  return false;
}

/**
 * A verb of a clause ahead, before any comma, quotation or subordinate opener: "said about half of the cost was
 * spent" and "said having more time is a relief" state something; "said about 40 times" and "said speaking to
 * reporters" do not. `auxOnly` asks for an auxiliary ("is", "was", "will"), the surest sign of a finite clause after
 * an -ing phrase.
 */
export function finiteVerbAhead(doc: Doc, from: number, limit: number, auxOnly = false): boolean {
  for (let k = from; k <= limit; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || isComma(t) || t.pos === 'PUNCT' || t.pos === 'SCONJ' || ['that', 'who', 'which', 'where', 'when', 'while', 'as'].includes(lower(t))) return false;
    if (t.pos === 'AUX' && !['being', 'been', 'having'].includes(lower(t))) return true;
    if (!auxOnly && t.pos === 'VERB' && !/ing$/.test(lower(t))) return true;
  }
  return false;
}
