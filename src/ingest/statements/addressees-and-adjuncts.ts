import type { Doc } from '../document.js';
import { isComma, lower, phraseStartingAt, TIME_WORDS } from '../phrases.js';
import { elidedYear } from './time-phrases.js';
import { ADJUNCT_PREPOSITIONS } from './clauses.js';

/**
 * What stands between a speech verb and what was said: the one addressed ("told reporters") and where, when or how
 * ("in a statement on Monday").
 */

/** After a name or an object pronoun followed by "that", the index of "that"; else `k`. */
export function namedAddressee(doc: Doc, k: number, limit: number): number {
  const t = doc.tokens[k];
  if (!t || t.quote || k > limit) return k;
  if (t.pos === 'PRON' && ['me', 'us', 'him', 'them', 'you'].includes(lower(t))) return lower(doc.tokens[k + 1]) === 'that' ? k + 1 : k;
  let j = k;
  while (j <= limit && doc.tokens[j]?.pos === 'PROPN' && !doc.tokens[j]?.quote && /^\p{Lu}/u.test(doc.tokens[j]?.text ?? '')) j++;
  return j > k && j - k <= 4 && lower(doc.tokens[j]) === 'that' ? j : k;
}

/** "told reporters", "told the Daily Ledger", "assured voters": the one addressed. */
export function skipAddressee(doc: Doc, k: number, limit: number): number {
  const t = doc.tokens[k];
  if (!t || k > limit) return k;
  if (t.pos === 'PRON' && ['me', 'us', 'him', 'her', 'them', 'you'].includes(lower(t))) return k + 1;
  const phrase = phraseStartingAt(doc, k, limit);
  if (!phrase) return k;
  // "told host Tamsin Arkwell a loss is likely": the addressee ends where a new phrase begins (after a name).
  for (let j = phrase.first + 1; j <= phrase.last; j++) {
    const prev = doc.tokens[j - 1];
    const cur = doc.tokens[j];
    if (cur?.pos === 'DET' && (prev?.pos === 'PROPN' || prev?.pos === 'NOUN')) return j;
  }
  return phrase.last + 1;
}

/** Adverbs, days and prepositional phrases between a verb and what was said ("said in a statement on Monday that"). */
export function skipAdjuncts(doc: Doc, from: number, limit: number, clauseFollows = false): number {
  let k = from;
  for (let guard = 0; guard < 6; guard++) {
    const t = doc.tokens[k];
    if (!t || k > limit || t.quote) return k;
    if (t.pos === 'ADV' && !['not', 'when', 'where', 'while', 'how', 'why', 'as'].includes(lower(t))) {
      k++;
      continue;
    }
    if (TIME_WORDS.has(lower(t))) {
      k++;
      continue;
    }
    // "said last week that", "said this morning that"
    if (['last', 'next', 'this', 'late', 'early', 'earlier'].includes(lower(t)) && TIME_WORDS.has(lower(doc.tokens[k + 1]))) {
      k += 2;
      continue;
    }
    if (t.pos === 'ADP' && ADJUNCT_PREPOSITIONS.has(lower(t))) {
      // Prepositional phrases in a row ("in a statement on Sunday"), skipped only when "that" or a quotation
      // follows them; "said of the plan" leaves nothing.
      let end = k;
      while (doc.tokens[end]?.pos === 'ADP' && ADJUNCT_PREPOSITIONS.has(lower(doc.tokens[end]))) {
        const year = elidedYear(doc, end + 1);
        const phrase = year >= 0 ? { last: year } : phraseStartingAt(doc, end + 1, limit);
        if (!phrase) break;
        end = phrase.last + 1;
        while (TIME_WORDS.has(lower(doc.tokens[end])) && end <= limit) end++;
      }
      const next = doc.tokens[end];
      // "told reporters on Monday he would …": after an addressee, a clause with a subject and a verb follows too.
      const clause = clauseFollows && opensClauseAt(doc, end, limit);
      if (end > k && (lower(next) === 'that' || next?.text === ':' || (isComma(next) && doc.tokens[end + 1]?.quote) || next?.quote || clause)) {
        k = end;
        continue;
      }
    }
    return k;
  }
  return k;
}

/** A subject at `k` (a pronoun, a determiner or a name), then a finite verb within a few words, before any punctuation. */
function opensClauseAt(doc: Doc, k: number, limit: number): boolean {
  const first = doc.tokens[k];
  if (!first || first.quote || !(['DET', 'PROPN'].includes(first.pos) || ['he', 'she', 'they', 'we', 'i', 'it'].includes(lower(first)))) return false;
  for (let j = k + 1; j <= Math.min(limit, k + 6); j++) {
    const t = doc.tokens[j];
    if (!t || t.quote || t.pos === 'PUNCT') return false;
    if ((t.pos === 'AUX' || t.pos === 'VERB') && !/ing$/.test(lower(t))) return true;
  }
  return false;
}
