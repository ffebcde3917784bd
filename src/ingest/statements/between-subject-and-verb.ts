import { speechLemma } from '../../text/index.js';
import type { Doc } from '../document.js';
import { isComma, lower, TIME_WORDS } from '../phrases.js';
import { dashEndingAt } from './dashes.js';
import { isTimeNoun, TIME_OPENERS } from './time-phrases.js';
import { SKIPPABLE_BEFORE_VERB } from './clauses.js';

/**
 * What may stand between a subject and its speech verb (adverbs, a time phrase, a setting, a dashed aside): stepped
 * over to find the subject.
 */

/** Steps back from a verb over adverbs, auxiliaries and a time adjunct ("Tamsin Arkwell on Thursday evening said"). */
export function skipBeforeVerb(doc: Doc, from: number, first: number): number {
  let k = from;
  for (let guard = 0; guard < 3; guard++) {
    // "Tamsin Arkwell, meanwhile, said": an adverb set off by commas stands between the subject and its verb.
    if (isComma(doc.tokens[k]) && doc.tokens[k - 1]?.pos === 'ADV' && isComma(doc.tokens[k - 2]) && k - 3 >= first && !doc.tokens[k - 1]?.quote && ['PROPN', 'NOUN', 'PRON'].includes(doc.tokens[k - 3]?.pos ?? '')) k -= 3;
    // A capitalised word inside the sentence is a name even when tagged as an auxiliary ("… Will said").
    while (k >= first && SKIPPABLE_BEFORE_VERB.has(doc.tokens[k]?.pos ?? '') && !doc.tokens[k]?.quote && !(k > first && /^\p{Lu}/u.test(doc.tokens[k]?.text ?? ''))) k--;
    // "Tamsin Arkwell went on to say": the verb governing the infinitive has the subject.
    if (lower(doc.tokens[k + 1]) === 'to' && doc.tokens[k + 1]?.pos === 'PART') {
      const j = k - 1;
      const verb = doc.tokens[j];
      if (lower(doc.tokens[k]) === 'on' && j > first && verb?.lemma === 'go' && !verb.quote && !/ing$/.test(lower(verb))) {
        k = j - 1;
        continue;
      }
      // "Tamsin Arkwell tweeted on Friday to say": a verb of speech, a time phrase, then the infinitive.
      const timed = TIME_WORDS.has(lower(doc.tokens[k])) && ['on', 'last', 'this', 'early', 'late'].includes(lower(doc.tokens[k - 1])) ? k - 2 : k;
      const speech = doc.tokens[timed];
      if (timed > first && speech?.pos === 'VERB' && !speech.quote && !/ing$/.test(lower(speech)) && speechLemma(lower(speech)) !== null) {
        k = timed - 1;
        continue;
      }
    }
    // "Tamsin Arkwell -- whose firm built it -- said": an aside set off by dashes stands between the subject and its verb.
    const closing = dashEndingAt(doc, k);
    if (closing >= 0) {
      let open = -1;
      for (let j = closing - 1; j > first && !doc.tokens[j]?.quote; j--) if (dashEndingAt(doc, j) >= 0) {
        open = dashEndingAt(doc, j);
        break;
      }
      if (open > first) {
        k = open - 1;
        continue;
      }
    }
    // "Tamsin Arkwell in a statement said", "Tamsin Arkwell on the campaign trail said": where or how, between a name
    // and its verb.
    const setting = settingBefore(doc, k, first);
    if (setting >= 0) {
      k = setting;
      continue;
    }
    // "two weeks ago said": "ago" (an adverb, skipped above) closes the time phrase before it.
    const ago = lower(doc.tokens[k + 1]) === 'ago';
    if (!isTimeNoun(doc.tokens[k])) return k;
    let j = k;
    while (j >= first && (isTimeNoun(doc.tokens[j]) || ['DET', 'ADJ', 'NUM'].includes(doc.tokens[j]?.pos ?? ''))) j--;
    // "less than two weeks ago", "more than a year ago"
    if (lower(doc.tokens[j]) === 'than' && ['less', 'more', 'little'].includes(lower(doc.tokens[j - 1]))) j -= 2;
    const opener = lower(doc.tokens[j + 1]);
    if (['on', 'in', 'at', 'during', 'over', 'by', 'late', 'early', 'this', 'last'].includes(lower(doc.tokens[j]))) k = j - 1;
    // "the council this past week said", "Tamsin Arkwell, a planner, last month said": a time phrase opened by its
    // determiner stands between the subject and its verb; the subject ends before it.
    else if (j >= first && j < k && (ago || TIME_OPENERS.has(opener))) k = j;
    else return k;
  }
  return k;
}

export const SETTING_PREPOSITIONS = new Set(['in', 'on', 'during', 'via', 'through', 'over', 'after', 'before', 'at']);
const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'this', 'that']);

/**
 * The last token of a name before a prepositional phrase that ends at `k` and opens with a determiner ("… Arkwell
 * in a statement"), or -1. A name with no determiner after its preposition ("officials in Brenwick") is where they are.
 */
function settingBefore(doc: Doc, k: number, first: number): number {
  const end = doc.tokens[k];
  if (!end || end.quote || !['NOUN', 'PROPN'].includes(end.pos)) return -1;
  for (let j = k - 1; j > first && k - j <= 6; j--) {
    const t = doc.tokens[j];
    if (!t || t.quote || isComma(t)) return -1;
    if (t.pos !== 'ADP') continue;
    if (!SETTING_PREPOSITIONS.has(lower(t)) || !DETERMINERS.has(lower(doc.tokens[j + 1]))) return -1;
    const name = doc.tokens[j - 1];
    return name && name.pos === 'PROPN' && /^\p{Lu}/u.test(name.text) ? j - 1 : -1;
  }
  return -1;
}
