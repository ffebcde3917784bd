import type { Cue } from '../cues.js';
import type { Doc, Sentence } from '../document.js';
import { isComma, lower } from '../phrases.js';
import type { SourcePhrase } from './statement.js';
import { boundaryBefore } from './token-ranges.js';
import { ownSubjectStart } from './participle-subjects.js';
import { SKIPPABLE_BEFORE_VERB } from './clauses.js';

/** Where what was said, running rightwards from its verb, stops: before the next cue's own attribution clause. */

/** Where a content running rightwards must stop: before the next cue's own attribution clause. */
export function contentLimit(doc: Doc, own: SourcePhrase | null, later: { cue: Cue; source: SourcePhrase | null }[], sentence: Sentence, verb: number): number {
  for (const { cue, source } of later) {
    if (cue.kind === 'according') return boundaryBefore(doc, cue.first);
    // "S, who says C, said D": a verb in a relative clause on the subject of a later verb says no more than that clause.
    if (cue.kind === 'verb' && source && own && !source.inverted && source.head.first === own.head.first && closesClause(doc, cue.first)) return boundaryBefore(doc, cue.first);
    // "… and Tamsin Arkwell calling it …": a participle with a subject of its own ends the content before that subject.
    if (cue.kind === 'participle') return boundaryBefore(doc, ownSubjectStart(doc, cue, sentence) ?? cue.first);
    if (cue.kind !== 'verb') continue;
    if (source && !source.inverted) {
      // "C, S said" and "… and S added that …" end the content before them; "said the media would call him …"
      // is a statement inside the content, which goes on.
      const opener = doc.tokens[source.head.first - 1];
      // "said both she and Tamsin Arkwell promised …": a subject of two joined by "and" right after the verb is the content's own.
      if (lower(opener) === 'and' && joinedAfterVerb(doc, verb, source.head.first - 1)) continue;
      if (isComma(opener) || ['and', 'but', ';'].includes(lower(opener)) || opener?.quote) return boundaryBefore(doc, source.head.first);
      // "…, a plan her party says would help": a noun set off by a comma, then a clause about it, ends the content.
      const noun = nounBefore(doc, source.head.first - 1);
      if (noun !== null && isComma(doc.tokens[noun - 1])) return boundaryBefore(doc, noun);
      // ", while the ministry said …" opens a statement of its own.
      if (['while', 'whereas'].includes(lower(opener)) && isComma(doc.tokens[source.head.first - 2])) return boundaryBefore(doc, source.head.first - 1);
      continue;
    }
    const before = doc.tokens[cue.first - 1];
    if (isComma(before) || lower(before) === 'and' || lower(before) === 'but') return boundaryBefore(doc, cue.first);
  }
  return sentence.last;
}

/** Between a verb and "and" at `and`, only "(that) (both) " and a pronoun or a name: the first half of a joined subject. */
function joinedAfterVerb(doc: Doc, verb: number, and: number): boolean {
  let k = verb + 1;
  if (lower(doc.tokens[k]) === 'that') k++;
  if (['both', 'either', 'neither'].includes(lower(doc.tokens[k]))) k++;
  if (k >= and || and - k > 3) return false;
  for (let j = k; j < and; j++) {
    const t = doc.tokens[j];
    if (!t || t.quote || !(t.pos === 'PROPN' || (t.pos === 'PRON' && ['he', 'she', 'they', 'we', 'i', 'you'].includes(lower(t))))) return false;
  }
  return true;
}

/** A comma before the verb at `k` (adverbs and auxiliaries between), as after a relative clause ("S, who …, has said"). */
function closesClause(doc: Doc, k: number): boolean {
  let j = k - 1;
  while (j > 0 && SKIPPABLE_BEFORE_VERB.has(doc.tokens[j]?.pos ?? '') && !doc.tokens[j]?.quote) j--;
  return isComma(doc.tokens[j]) && !doc.tokens[j]?.quote;
}

/** Where a short noun phrase ending at `k` begins ("a pledge", "the new plan"), or null. */
function nounBefore(doc: Doc, k: number): number | null {
  if (doc.tokens[k]?.pos !== 'NOUN' || doc.tokens[k]?.quote) return null;
  let j = k;
  while (j - 1 >= 0 && k - j < 3 && ['DET', 'ADJ', 'NOUN'].includes(doc.tokens[j - 1]?.pos ?? '') && !doc.tokens[j - 1]?.quote) j--;
  return doc.tokens[j]?.pos === 'DET' ? j : null;
}
