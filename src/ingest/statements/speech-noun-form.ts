import type { Cue } from '../cues.js';
import type { Doc, Sentence } from '../document.js';
import { lower } from '../phrases.js';
import { nounContentEnd, speechNounAt } from '../speech-nouns.js';
import type { Maker, Statement } from './statement.js';
import { tokensRange } from './token-ranges.js';

/** "Her claim that C", "Arkwell's pledge to C": a noun of speech and what it holds; its possessive is the speaker. */
export function speechNounStatement(doc: Doc, cue: Cue, limit: number, sentence: Sentence, make: Maker): Statement | null {
  const noun = speechNounAt(doc, cue.first, sentence);
  if (!noun) return null;
  const last = nounContentEnd(doc, noun.contentFirst, limit, lower(doc.tokens[noun.contentFirst - 1]) === 'that');
  const content = tokensRange(doc, noun.contentFirst, last);
  return content ? make([content], { head: noun.owner, appositions: [], inverted: false, possessor: true }, null, 'noun') : null;
}
