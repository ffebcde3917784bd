import type { Cue } from '../cues.js';
import type { Doc, Sentence } from '../document.js';
import { isComma, lower } from '../phrases.js';
import type { Maker, SourcePhrase, Statement } from './statement.js';
import { timePhraseStart } from './time-phrases.js';
import { joinedSubject, mainSubject } from './clause-subjects.js';
import { weakVerbHolds } from './weak-verbs.js';
import { complement } from './verb-complement.js';

/** "… and added that C": a verb with no subject of its own, joined to a clause before it. */
export function elidedStatement(doc: Doc, cue: Cue, previous: Statement | null, limit: number, sentence: Sentence, earlier: SourcePhrase | null, make: Maker): Statement | null {
  // "… and added that …": the subject is the previous verb's.
  const before = doc.tokens[cue.first - 1];
  // "…, then says …": "then" after a comma joins a verb to the clause before just as "and" does.
  const then = lower(before) === 'then' && isComma(doc.tokens[cue.first - 2]);
  // "… but now says …", "… and later said …": adverbs between the conjunction and the verb.
  let j = cue.first - 1;
  for (; j > sentence.first && !doc.tokens[j]?.quote; j--) {
    const t = doc.tokens[j];
    if (t?.pos === 'ADV') continue;
    // "… and on Monday announced …", "… and last week said …": a time phrase between the conjunction and the verb.
    const time = timePhraseStart(doc, j, sentence.first);
    if (time >= 0) {
      j = time;
      continue;
    }
    // "… but has said …": a perfect's "has" too, where the verb says or "that" follows ("had confirmed 68 nominees" is no speech).
    if (t?.pos === 'AUX' && t.lemma === 'have' && (cue.lemma === 'say' || lower(doc.tokens[cue.last + 1]) === 'that')) continue;
    break;
  }
  const joined = j < cue.first - 1 && ['and', 'but'].includes(lower(doc.tokens[j]));
  if (lower(before) === 'and' || lower(before) === 'but' || lower(before) === 'also' || then || joined) {
    const content = complement(doc, cue, cue.last + 1, limit);
    if (!content || !weakVerbHolds(doc, cue, content)) return null;
    // "Tamsin Arkwell claimed victory and argued …": the previous verb's subject; else the main clause's.
    if (previous) return make([content], null, previous, 'elided');
    const subject = earlier ?? joinedSubject(doc, sentence, cue.first - 1) ?? mainSubject(doc, sentence, cue.first);
    return subject ? make([content], subject, null, 'elided') : null;
  }
  return null;
}
