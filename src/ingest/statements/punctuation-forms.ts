import { presentedName, type Cue } from '../cues.js';
import type { Doc, Sentence } from '../document.js';
import { nameRuns } from '../names.js';
import { phraseEndingAt, phraseStartingAt, type Span } from '../phrases.js';
import { quotedWords } from '../quotations.js';
import type { Maker, SourcePhrase, Statement } from './statement.js';

/** Statements that punctuation cues: "NAME: C" (a label), "S: “C”" (a colon), "“C” — S" (a dash). */

/**
 * "Tamsin Arkwell said the plan was in the spirit of the old port: “…”": a colon closing what a subject said earlier
 * in the sentence (the phrase before it names nobody of its own, only after a preposition) opens more of that
 * speaker's words; the phrase before the colon is no speaker.
 */
function colonEndsReport(doc: Doc, earlier: SourcePhrase, phrase: Span): boolean {
  if (earlier.inverted || earlier.head.last >= phrase.first) return false;
  const floor = doc.sentences[doc.tokens[phrase.first]?.sentence ?? -1]?.first ?? phrase.first;
  return nameRuns(doc, floor, phrase.last).every((r) => r.last < phrase.first || doc.tokens[r.first - 1]?.pos === 'ADP');
}

/** "NAME: C": a name alone before a colon labels the rest of the paragraph as its words. */
export function labelStatement(doc: Doc, cue: Cue, sentence: Sentence, make: Maker): Statement | null {
  // The words after the label run to the paragraph's end.
  const paragraph = doc.layout.paragraphs[sentence.paragraph];
  const colon = doc.tokens[cue.first];
  if (!paragraph || !colon) return null;
  const head = { first: sentence.first, last: cue.first - 1 };
  return make([{ start: colon.end, end: paragraph.end }], { head, appositions: [], inverted: false }, null, 'label');
}

/** "S: “C”": a name, then a colon and a quotation. */
export function colonStatement(doc: Doc, cue: Cue, sentence: Sentence, earlier: SourcePhrase | null, make: Maker): Statement | null {
  const quote = doc.tokens[cue.first + 1]?.quote;
  const head = presentedName(doc, sentence, cue.first) ?? phraseEndingAt(doc, cue.first - 1, sentence.first);
  if (!quote || !head) return null;
  const speaker = earlier && colonEndsReport(doc, earlier, head) ? earlier : { head, appositions: [], inverted: false };
  return make([quotedWords(doc.text, quote)], speaker, null, 'colon');
}

/** "“C” — S": a quotation, then a dash and its speaker. */
export function dashStatement(doc: Doc, cue: Cue, sentence: Sentence, make: Maker): Statement | null {
  const quote = doc.tokens[cue.first - 1]?.quote;
  const head = phraseStartingAt(doc, cue.first + 1, sentence.last);
  if (!quote || !head) return null;
  return make([quotedWords(doc.text, quote)], { head, appositions: [], inverted: true }, null, 'dash');
}
