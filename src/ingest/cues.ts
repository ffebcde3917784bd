import { speechFrame, speechLemma, SPEECH_FRAMES, type SpeechFrame } from '../text/index.js';
import type { Doc, Sentence, Token } from './document.js';
import { speechNounAt } from './speech-nouns.js';
import { TIME_WORDS } from './phrases.js';

/**
 * Stage 2: the cues that mark a statement in a sentence — a verb of speech ("said", "warned", "tweeted"),
 * a participle continuing one (", adding that …"), "according to", a transcript label ("NAME: …"), a name and a
 * colon before a quotation, the dash that signs a quotation (“…” — Name), and a noun of speech its speaker owns
 * ("her warning that …"). Cues inside quotations are the quoted
 * speaker's words, not the article's.
 */
export type CueKind = 'verb' | 'participle' | 'according' | 'label' | 'dash' | 'colon' | 'noun';

export interface Cue {
  kind: CueKind;
  /** The cue's tokens (a verb, "according to", the label's colon, the dash). */
  first: number;
  last: number;
  lemma: string;
  frame: SpeechFrame;
  sentence: Sentence;
}

/** Forms that are a verb of speech whatever the tagger says ("says" is never a noun after a subject). */
const ALWAYS_VERBS = new Set(['said', 'says', 'told', 'tells', 'wrote', 'asked', 'added', 'adds', 'tweeted', 'recalled', 'argued', 'insisted', 'explained', 'noted']);
const BE_FORMS = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', "'s", 'get', 'got', 'gets', 'getting']);
const NEGATIONS = new Set(['not', "n't", 'never', 'no']);
/** Dashes between words (a hyphen is only a word's). */
export const DASHES = new Set(['—', '―', '–']);
/** Labels a newspaper puts before its own notes, not before someone's words. */
const EDITORIAL_LABELS = new Set(['correction', 'corrections', 'update', 'updated', 'note', 'email', 'e-mail', 'stat', 'source', 'sources', 'photo', 'video', 'related', 'watch', 'listen', 'disclosure', 'clarification', 'editor', 'advertisement', 'contact', 'follow', 'twitter', 'facebook']);

/**
 * "TAMSIN ARKWELL: …", "Arkwell: …" opening a paragraph (transcripts, interviews): one to four capitalised words and a colon,
 * then the words said. A time ("9:08") or a heading with nothing after it is no label.
 */
function transcriptLabel(doc: Doc, sentence: Sentence): Cue | null {
  const paragraph = doc.layout.paragraphs[sentence.paragraph];
  if (!paragraph || sentence.start !== paragraph.start) return null;
  let joins = 0;
  for (let k = sentence.first; k <= Math.min(sentence.last - 1, sentence.first + 4 + joins); k++) {
    const t = doc.tokens[k];
    if (!t || t.quote) return null;
    // A hyphen inside a name ("Tamsin Arkwell-Voss") joins two capitalised words.
    if (t.text === '-' && /\S/.test(doc.text[t.start - 1] ?? ' ') && /\S/.test(doc.text[t.end] ?? ' ')) {
      joins++;
      continue;
    }
    if (t.text === ':') {
      if (k === sentence.first || /\d$/.test(doc.tokens[k - 1]?.text ?? '')) return null;
      if (k === sentence.first + 1 && EDITORIAL_LABELS.has((doc.tokens[sentence.first]?.text ?? '').toLowerCase())) return null;
      // A list of names ("Brenwick: Tamsin Arkwell, Eskil Varnholm, …") is no speech.
      const rest = doc.text.slice(t.end, paragraph.end);
      if ((rest.match(/,/g) ?? []).length >= 5 && (rest.match(/\b\p{Lu}/gu) ?? []).length > rest.split(/\s+/).length / 2) return null;
      return { kind: 'label', first: k, last: k, lemma: 'label', frame: 'clause', sentence };
    }
    if (!/^\p{Lu}/u.test(t.text) && t.text !== '.') return null;
  }
  return null;
}

/** Verbs of speech made of a verb and a particle. */
const PHRASAL_SPEECH: ReadonlyMap<string, string> = new Map([
  ['put', 'it'],
  ['point', 'out'],
  ['spell', 'out'],
  ['speak', 'out'],
]);

/** "when asked", "if pressed": a verb without a subject of its own. */
const BARE_CLAUSE_OPENERS = new Set(['when', 'if', 'as', 'once', 'unless', 'while', 'after', 'before', 'than', 'until', 'because']);
/** "declined to say", "refused to comment": what was not said. */
const REFUSALS = new Set(['decline', 'refuse', 'want', 'plan', 'expect', 'hope', 'need', 'try', 'intend', 'wish', 'seem', 'appear', 'fail']);

/** Cues of one sentence, in order. */
export function findCues(doc: Doc, sentence: Sentence): Cue[] {
  const tokens = doc.tokens;
  const cues: Cue[] = [];
  const label = transcriptLabel(doc, sentence);
  if (label) cues.push(label);
  for (let i = sentence.first; i <= sentence.last; i++) {
    const t = tokens[i];
    if (!t || t.quote) continue;
    const lower = t.text.toLowerCase();
    if (lower === 'according' && tokens[i + 1]?.text.toLowerCase() === 'to') {
      cues.push({ kind: 'according', first: i, last: i + 1, lemma: 'according to', frame: 'clause', sentence });
      continue;
    }
    // "as one aide put it: …", "she pointed out that …"
    const particle = PHRASAL_SPEECH.get(t.lemma);
    if (particle && tokens[i + 1]?.text.toLowerCase() === particle && isActiveSpeech(doc, t)) {
      const participle = lower.endsWith('ing') && !isProgressive(doc, t);
      cues.push({ kind: participle ? 'participle' : 'verb', first: i, last: i + 1, lemma: `${t.lemma} ${particle}`, frame: 'clause', sentence });
      i++;
      continue;
    }
    // "… surprises no one less than the pollster Tamsin Arkwell: “…”": a name, a colon, then a quotation.
    if (t.text === ':' && tokens[i + 1]?.quote?.standalone && tokens[i + 1]?.sentence === t.sentence && tokens[i + 1]?.start === tokens[i + 1]?.quote?.outer.start && /^\p{Lu}\p{Ll}/u.test(tokens[i - 1]?.text ?? '') && tokens[i - 1]?.pos === 'PROPN' && i - 1 > sentence.first) {
      cues.push({ kind: 'colon', first: i, last: i, lemma: 'colon', frame: 'clause', sentence });
      continue;
    }
    // "Here's Tamsin Arkwell in May 2012: “…”": the name after "Here's" speaks the quotation after the colon.
    if (t.text === ':' && tokens[i + 1]?.quote?.standalone && tokens[i + 1]?.start === tokens[i + 1]?.quote?.outer.start && presentedName(doc, sentence, i)) {
      cues.push({ kind: 'colon', first: i, last: i, lemma: 'colon', frame: 'clause', sentence });
      continue;
    }
    // “…” — Tamsin Arkwell: a dash after a quotation signs it.
    if (DASHES.has(t.text) && tokens[i - 1]?.quote && tokens[i - 1]?.paragraph === t.paragraph && tokens[i - 1]?.end === tokens[i - 1]?.quote?.outer.end && /^\p{Lu}/u.test(tokens[i + 1]?.text ?? '')) {
      cues.push({ kind: 'dash', first: i, last: i, lemma: 'dash', frame: 'clause', sentence });
      continue;
    }
    // "her warning that …", "Arkwell's promises to …": a noun, even where the tagger reads a verb.
    if (speechNounAt(doc, i, sentence)) {
      cues.push({ kind: 'noun', first: i, last: i, lemma: lower.replace(/s$/, ''), frame: 'clause', sentence });
      continue;
    }
    const lemma = speechVerbLemma(doc, t);
    if (!lemma || !isActiveSpeech(doc, t)) continue;
    // An -ing form is a participle that continues a clause (", saying …", "a statement saying …", "by warning …")
    // unless it is progressive ("is saying").
    const participle = lower.endsWith('ing') && t.pos !== 'AUX' && !isProgressive(doc, t);
    cues.push({ kind: participle ? 'participle' : 'verb', first: i, last: i, lemma, frame: speechFrame(lemma), sentence });
  }
  return cues;
}

/**
 * "Here's Tamsin Arkwell in May 2012:", "Here is Arkwell on the radio:": a sentence opening with "here" and "is", then
 * a name, then only where or when before the colon at `colon`; the name's span, or null.
 */
export function presentedName(doc: Doc, sentence: Sentence, colon: number): { first: number; last: number } | null {
  const tokens = doc.tokens;
  const k = sentence.first;
  if (tokens[k]?.text.toLowerCase() !== 'here' || !['’s', "'s", 'is'].includes(tokens[k + 1]?.text.toLowerCase() ?? '')) return null;
  let last = k + 2;
  while (last + 1 < colon && tokens[last + 1]?.pos === 'PROPN' && /^\p{Lu}/u.test(tokens[last + 1]?.text ?? '')) last++;
  if (tokens[k + 2]?.pos !== 'PROPN' || !/^\p{Lu}/u.test(tokens[k + 2]?.text ?? '')) return null;
  // What follows the name: nothing, or a preposition and words with no verb ("in December 1992", "on the radio").
  const rest = tokens.slice(last + 1, colon);
  if (rest.length > 6 || (rest.length > 0 && rest[0]?.pos !== 'ADP') || rest.some((t) => t.quote || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PUNCT')) return null;
  return { first: k + 2, last };
}

function speechVerbLemma(doc: Doc, t: Token): string | null {
  const lemma = speechLemma(t.text) ?? (SPEECH_FRAMES.has(t.lemma) ? t.lemma : null);
  if (!lemma) return null;
  if (t.pos === 'VERB' || ALWAYS_VERBS.has(t.text.toLowerCase()) || attributes(doc, t) || introducesClause(doc, t) || participleAfterComma(doc, t)) return lemma;
  return null;
}

/** "…, warning that the pier is unsafe": an -ing form right after a comma and before "that" is a participle, not a noun. */
function participleAfterComma(doc: Doc, t: Token): boolean {
  const before = doc.tokens[t.i - 1];
  const after = doc.tokens[t.i + 1];
  return /ing$/.test(t.text.toLowerCase()) && before?.text === ',' && !before.quote && after?.text.toLowerCase() === 'that' && !after.quote && before.sentence === t.sentence;
}

/**
 * A form that could be a noun ("notes", "claims") is the verb where only an attribution can stand: after a name or
 * "he"/"she"/"they" that follows a quotation, before the sentence's end or a comma (“…,” Tamsin Arkwell notes.).
 */
function attributes(doc: Doc, t: Token): boolean {
  const before = doc.tokens[t.i - 1];
  const after = doc.tokens[t.i + 1];
  if (!before || before.sentence !== t.sentence || before.quote) return false;
  // "the officials state": a plural noun's verb has no "s".
  const pluralSubject = before.pos === 'NOUN' && /s$/.test(before.text) && before.lemma !== before.text.toLowerCase();
  if (!/(?:s|ed)$/.test(t.text.toLowerCase()) && !pluralSubject) return false;
  // A name, "he"/"she"/"they", or a common noun phrase ("the ad", "a voice-over in the ad").
  const nounPhrase = before.pos === 'NOUN';
  const subject = before.pos === 'PROPN' || nounPhrase || (before.pos === 'PRON' && ['he', 'she', 'they'].includes(before.text.toLowerCase()));
  // Its end: the sentence's, a comma, or a where or when ("… states in the white paper").
  const ends = !after || after.sentence !== t.sentence || after.text === '.' || after.text === ',' || (after.pos === 'ADP' && ['in', 'on', 'at', 'during'].includes(after.text.toLowerCase()));
  if (!subject || !ends) return false;
  // The quotation's closing mark (or a comma after it) right before the subject, in the same sentence.
  const inSubject = (w: Token | undefined): boolean =>
    w !== undefined && (w.pos === 'PROPN' || (nounPhrase && (['NOUN', 'ADJ', 'DET', 'NUM'].includes(w.pos) || w.text === '-' || (w.pos === 'ADP' && ['of', 'in', 'for'].includes(w.text.toLowerCase())))));
  let k = before.i - 1;
  while (k >= 0 && doc.tokens[k]?.sentence === t.sentence && inSubject(doc.tokens[k]) && !doc.tokens[k]?.quote && before.i - k < 8) k--;
  const mark = doc.tokens[k]?.text === ',' ? doc.tokens[k - 1] : doc.tokens[k];
  if (mark !== undefined && mark.sentence === t.sentence && mark.quote !== null && mark.end === mark.quote.outer.end) return true;
  // "…, the Harbor Ledger reports.": a name set off by a comma that closes the sentence signs what came before.
  return tailingName(doc, k, before, after, t);
}

function tailingName(doc: Doc, k: number, before: Token, after: Token | undefined, t: Token): boolean {
  const comma = doc.tokens[k]?.text === ',' ? doc.tokens[k] : doc.tokens[k]?.text.toLowerCase() === 'the' && doc.tokens[k - 1]?.text === ',' ? doc.tokens[k - 1] : undefined;
  const closes = after === undefined || after.sentence !== t.sentence || after.text === '.';
  return comma !== undefined && !comma.quote && comma.sentence === t.sentence && closes && before.pos === 'PROPN' && /[^s]s$/.test(t.text.toLowerCase());
}

/**
 * "Arkwell reports that …", "she claims that …": a form that could be a noun ("reports", "claims") is the verb between
 * a name or "he"/"she"/"they" and "that".
 */
function introducesClause(doc: Doc, t: Token): boolean {
  const before = doc.tokens[t.i - 1];
  const after = doc.tokens[t.i + 1];
  if (!before || before.sentence !== t.sentence || before.quote || !after || after.quote) return false;
  if (!/(?:s|ed)$/.test(t.text.toLowerCase())) return false;
  // "The Ledger reports the mayor will resign": a name, the form, then a clause of its own with a verb.
  if (after.text.toLowerCase() !== 'that') return before.pos === 'PROPN' && ['DET', 'PROPN', 'PRON'].includes(after.pos) && clauseAhead(doc, t.i + 2);
  // "Tamsin Arkwell, a planner, notes that …": after the comma closing an apposition.
  if (before.text === ',' && doc.tokens[before.i - 1]?.pos === 'NOUN' && appositionBefore(doc, before.i)) return true;
  return before.pos === 'PROPN' || (before.pos === 'PRON' && ['he', 'she', 'they', 'it'].includes(before.text.toLowerCase()));
}

/** A verb (or auxiliary) within a few words from `k`, before any punctuation: a clause follows. */
function clauseAhead(doc: Doc, k: number): boolean {
  for (let j = k; j < k + 8; j++) {
    const t = doc.tokens[j];
    if (!t || t.quote || t.sentence !== doc.tokens[k - 1]?.sentence) return false;
    // A hyphen inside a word ("once-close friends") is no break in the clause.
    if (t.pos === 'PUNCT' && !(t.text === '-' && /\S/.test(doc.text[t.start - 1] ?? ' ') && /\S/.test(doc.text[t.end] ?? ' '))) return false;
    if (t.pos === 'AUX' || t.pos === 'VERB') return true;
  }
  return false;
}

/** An apposition closes at the comma `k`: ", a planner," after a name. */
function appositionBefore(doc: Doc, k: number): boolean {
  for (let j = k - 1; j >= 0 && k - j < 10; j--) {
    const t = doc.tokens[j];
    if (!t || t.quote || t.sentence !== doc.tokens[k]?.sentence) return false;
    if (t.text === ',') return doc.tokens[j - 1]?.pos === 'PROPN' && ['DET', 'ADJ', 'PROPN'].includes(doc.tokens[j + 1]?.pos ?? '');
    if (t.pos === 'VERB' || t.pos === 'AUX') return false;
  }
  return false;
}

/** Not passive ("was told"), not denied ("did not say"), not an intention ("declined to comment"). */
function isActiveSpeech(doc: Doc, t: Token): boolean {
  let k = t.i - 1;
  while (k >= 0 && doc.tokens[k]?.pos === 'ADV' && !NEGATIONS.has(doc.tokens[k]?.lemma ?? '') && !BARE_CLAUSE_OPENERS.has(doc.tokens[k]?.text.toLowerCase() ?? '')) k--;
  const before = doc.tokens[k];
  if (!before || before.sentence !== t.sentence) return true;
  const lower = plainApostrophe(before.text.toLowerCase());
  // "he's said", "Arkwell’s told them": after a person, "'s" is "has" (the perfect), not the passive "is".
  if (lower === "'s" && ['PRON', 'PROPN'].includes(doc.tokens[k - 1]?.pos ?? '') && doc.tokens[k - 1]?.text.toLowerCase() !== 'it') return true;
  // "the number of reported cases", "the said plan": after a preposition or a determiner it is an adjective.
  if ((before.pos === 'ADP' || before.pos === 'DET') && lower !== 'that' && lower !== 'to' && !t.text.toLowerCase().endsWith('ing')) return false;
  if (NEGATIONS.has(lower) || NEGATIONS.has(before.lemma)) return false;
  if (BE_FORMS.has(lower) && !t.text.toLowerCase().endsWith('ing')) return false;
  // "when asked", not "Tamsin Arkwell once said": after a subject the word is an adverb.
  const afterSubject = ['PROPN', 'NOUN', 'PRON'].includes(doc.tokens[k - 1]?.pos ?? '') && doc.tokens[k - 1]?.sentence === t.sentence && lower !== 'when' && lower !== 'if';
  if (BARE_CLAUSE_OPENERS.has(lower) && !t.text.toLowerCase().endsWith('ing') && !afterSubject) return false;
  if (lower === 'to') {
    // "tweeted on Friday to say": a time phrase between the verb and its infinitive.
    let g = k - 1;
    if (TIME_WORDS.has(doc.tokens[g]?.text.toLowerCase() ?? '') && ['on', 'last', 'this', 'early', 'late'].includes(doc.tokens[g - 1]?.text.toLowerCase() ?? '')) g -= 2;
    const governor = doc.tokens[g];
    if (governor && (REFUSALS.has(governor.lemma) || NEGATIONS.has(governor.lemma))) return false;
    // "went on to say": a verb and its particle govern the infinitive.
    const particle = governor?.pos === 'ADP' && governor.text.toLowerCase() === 'on' && doc.tokens[g - 1]?.lemma === 'go';
    return governor !== undefined && (governor.pos === 'VERB' || particle);
  }
  // "the so-called", "a group called X": a name given, not words said.
  if (t.text.toLowerCase() === 'called' && (before.pos === 'NOUN' || before.text === '-')) return false;
  return true;
}

/** "is saying", "was telling reporters": a progressive verb is a finite statement. */
function isProgressive(doc: Doc, t: Token): boolean {
  let k = t.i - 1;
  while (k >= 0 && doc.tokens[k]?.pos === 'ADV') k--;
  const before = doc.tokens[k];
  return before !== undefined && before.sentence === t.sentence && BE_FORMS.has(plainApostrophe(before.text.toLowerCase()));
}

/** "he’s" and "he's" are one word. */
const plainApostrophe = (word: string): string => word.replace(/’/g, "'");
