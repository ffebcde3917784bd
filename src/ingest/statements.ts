import { speechLemma, trimRange, WEAK_SPEECH_LEMMAS, type Range } from '../text/index.js';
import { contrastEnd } from './contrast.js';
import { writerTailEnd } from './writer-tails.js';
import { DASHES, findCues, presentedName, type Cue } from './cues.js';
import { tokenStartingAt, type Doc, type Sentence, type Token } from './document.js';
import { nameRuns } from './names.js';
import { PERSON_NOUNS } from './lexicon.js';
import { commaSegments, isComma, isDescription, isQuotedTitle, lower, phraseEndingAt, phraseStartingAt, TIME_WORDS, type Span } from './phrases.js';
import { quotationsAround, quotedWords, type Quotation } from './quotations.js';
import { nounContentEnd, speechNounAt } from './speech-nouns.js';

/**
 * Stage 3: for each cue, who is credited (the source phrase, as written) and what they said (the content, one or
 * more pieces of the sentence). The forms, with S the source and C the content:
 *   S said (that) C · S told someone (that) C · S called it C      — content after the verb
 *   C, S said. · “C,” said S, a role. · C, S said, C (continued)     — content around the attribution
 *   S said: “C” · S said, “C”                                      — a quotation after the verb
 *   According to S, C · C, according to S
 *   …, adding that C · NAME: C · “C” — S
 * The speaker behind S (a name, "he", "the senator", "officials") is resolved later (sources.ts).
 */

export interface SourcePhrase {
  /** The phrase that names the source ("the economist Tamsin Arkwell"), before any apposition. */
  head: Span;
  /** Descriptions set off by commas ("a former adviser to the campaign"). */
  appositions: Span[];
  /** After the verb ("…,” said Tamsin Arkwell). */
  inverted: boolean;
  /** The head owns the speech ("her warning", "Arkwell's pledge"): its possessive names the speaker. */
  possessor?: boolean;
  /** Where a list of names ending with the head begins ("Ysolde Brannock, Teodor Quillam, Marit Ossery said"). */
  listStart?: number;
}

export interface Statement {
  cue: Cue;
  /** Null when the source is the one of `inherits` (", adding that …", "… and added that …"). */
  source: SourcePhrase | null;
  inherits: Statement | null;
  /** The words said, in text order: one piece, or several around an interrupting attribution. */
  parts: Range[];
  direct: boolean;
  paragraph: number;
  sentence: Sentence;
  /** How the content was found: after the verb, around the attribution, a participle, a continued turn, … */
  form: StatementForm;
  /** Its words are in the next paragraph ("… put it this way:"): turns.ts fills `parts`. */
  awaitsQuote?: boolean;
}

const NEGATED_SUBJECTS = new Set(['neither', 'no', 'nobody', 'none', 'nothing', 'never']);

export type StatementForm = 'after' | 'around' | 'participle' | 'elided' | 'quote-before' | 'according' | 'colon' | 'turn' | 'label' | 'dash' | 'noun';

/** Verbs whose infinitive is what was said: "promised to cut taxes", "threatened to leave". */
const COMMITMENTS = new Set(['promise', 'pledge', 'vow', 'threaten', 'swear', 'offer']);
const ADJUNCT_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'via', 'through', 'over', 'from', 'to', 'with', 'for', 'of', 'about', 'outside', 'inside', 'since', 'by']);
const SKIPPABLE_BEFORE_VERB = new Set(['ADV', 'AUX', 'PART']);
const NARRATION_OPENERS = new Set(['before', 'after', 'as', 'while', 'when', 'during', 'in', 'at', 'on', 'of', 'with', 'without', 'from', 'to', 'for', 'about', 'because', 'since', 'though', 'although', 'until', 'where', 'amid', 'despite', 'by', 'referring', 'noting']);

/** Statements of one sentence, in cue order. */
export function sentenceStatements(doc: Doc, sentence: Sentence): Statement[] {
  // "S said that according to its count, C": an "according to" opening a verb's that-clause is part of what S said.
  const cues = findCues(doc, sentence).filter((cue, n, all) => cue.kind !== 'according' || lower(doc.tokens[cue.first - 1]) !== 'that' || !all.some((v, m) => m < n && v.kind === 'verb'));
  const out: Statement[] = [];
  // Each cue's attribution clause, so that a content stops where the next attribution begins.
  const plans = cues.map((cue) => ({ cue, source: cue.kind === 'verb' ? sourceOf(doc, cue) : null }));
  // "C1, first reported by S, C2": the aside credits the whole clause around it; its predicate's verb is no cue.
  let predicate = -1;
  plans.forEach(({ cue, source }, n) => {
    if (cue.first === predicate) return;
    const aside = cue.kind === 'verb' ? passiveAside(doc, cue, sentence) : null;
    if (aside) {
      predicate = aside.predicate;
      const parts = aside.parts.map((p) => trimContent(doc, p));
      out.push({ cue, source: aside.source, inherits: null, parts, direct: false, paragraph: sentence.paragraph, sentence, form: 'according' });
      return;
    }
    // A speech noun's owner ("Arkwell's claim that …, saying …") is no subject a later verb goes on with.
    const previous = out.findLast((s) => s.cue.kind !== 'noun') ?? null;
    const opening = cue.kind === 'participle' && !previous ? openingParticipleSubject(doc, cue, plans.slice(n + 1), sentence) : null;
    const limit = opening ? openingParticipleEnd(doc, opening) : contentLimit(doc, source, plans.slice(n + 1), sentence, cue.last);
    // "… while S proposed X and said C": the subject of the verb before "and", even when that verb said nothing itself.
    // Its subject must open a clause of the sentence, not sit inside one ("whether S could …", "X's proposed …").
    const earlier = plans.slice(0, n).findLast((p) => p.cue.kind === 'verb' && p.source !== null && !p.source.inverted)?.source ?? null;
    const opener = earlier ? doc.tokens[(earlier.listStart ?? earlier.head.first) - 1] : undefined;
    const opensClause = earlier !== null && (opener === undefined || opener.i < sentence.first || isComma(opener) || ['while', 'whereas'].includes(lower(opener)));
    const statement = buildStatement(doc, cue, source ?? opening, previous, limit, sentence, opensClause ? earlier : null);
    if (statement) out.push(statement);
  });
  return out;
}

/**
 * "The new plan, first reported by the Ledger on Monday, is the council's answer to …": a speech verb's passive
 * participle with its agent, set off by commas between a subject and its predicate. The agent said the clause around
 * the aside (the subject and the predicate); the predicate's first word is returned so that it is read as no cue.
 */
function passiveAside(doc: Doc, cue: Cue, sentence: Sentence): { source: SourcePhrase; parts: Range[]; predicate: number } | null {
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

/** Where a content running rightwards must stop: before the next cue's own attribution clause. */
function contentLimit(doc: Doc, own: SourcePhrase | null, later: { cue: Cue; source: SourcePhrase | null }[], sentence: Sentence, verb: number): number {
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

/** The last token index before `at`, stepping back over commas and "and"/"but". */
function boundaryBefore(doc: Doc, at: number): number {
  let k = at - 1;
  while (k >= 0 && (isComma(doc.tokens[k]) || ['and', 'but'].includes(lower(doc.tokens[k])))) k--;
  return k;
}

/** The source phrase of a verb: before it (with appositions), or after it when inverted. */
export function sourceOf(doc: Doc, cue: Cue): SourcePhrase | null {
  const sentence = cue.sentence;
  const k = skipBeforeVerb(doc, cue.first - 1, sentence.first);
  const floor = clauseFloor(doc, k, sentence);
  const before = doc.tokens[k];
  if (before && k >= floor && !before.quote) {
    if (isComma(before)) {
      const chained = appositionChain(doc, floor, k - 1);
      if (chained) return chained;
    } else {
      const found = phraseEndingAt(doc, k, floor);
      const head = found ? (relativeClauseSubject(doc, found, floor) ?? found) : null;
      const unclosed = head ? unclosedApposition(doc, head, floor) : null;
      if (unclosed) return unclosed;
      if (head) {
        const listStart = nameListStart(doc, head, floor);
        return { head: relativeAntecedent(doc, head, floor), appositions: [], inverted: false, ...(listStart !== undefined ? { listStart } : {}) };
      }
    }
  }
  // Inversion ("…,” said Tamsin Arkwell) follows a quotation, a comma or a colon, or opens the sentence.
  const opensClause = !before || k < sentence.first || before.quote !== null || isComma(before) || before.text === ':';
  return opensClause && cue.frame !== 'addressee' ? sourceAfter(doc, cue) : null;
}

/**
 * "Tamsin Arkwell, the spokeswoman for the board said": an apposition whose closing comma is missing. The name that
 * opens the clause before the comma is the subject; the description after it, its apposition.
 */
function unclosedApposition(doc: Doc, head: Span, floor: number): SourcePhrase | null {
  const comma = head.first - 1;
  // "the spokeswoman for …", or a role with no article ("president of …").
  const opener = doc.tokens[head.first];
  const role = opener !== undefined && /^\p{Ll}/u.test(opener.text) && PERSON_NOUNS.has(lower(opener));
  if (!isComma(doc.tokens[comma]) || !(['the', 'a', 'an'].includes(lower(opener)) || role) || !isDescription(doc, head)) return null;
  // "Sen. Tamsin Arkwell (D-OH), a supporter of …": a party and state tag closes the name.
  let end = comma - 1;
  if (doc.tokens[end]?.text === ')') {
    let open = end - 1;
    while (open > floor && end - open <= 6 && doc.tokens[open]?.text !== '(') open--;
    if (doc.tokens[open]?.text !== '(') return null;
    end = open - 1;
  }
  const runs = nameRuns(doc, floor, end);
  const run = runs[0];
  if (runs.length !== 1 || !run || run.kind !== 'person' || run.possessive || run.last !== end) return null;
  for (let j = floor; j < run.first; j++) if (!['ADV', 'CCONJ', 'PUNCT'].includes(doc.tokens[j]?.pos ?? '') || doc.tokens[j]?.quote) return null;
  return { head: { first: run.first, last: run.last }, appositions: [head], inverted: false };
}

/** Steps back from a verb over adverbs, auxiliaries and a time adjunct ("Tamsin Arkwell on Thursday evening said"). */
function skipBeforeVerb(doc: Doc, from: number, first: number): number {
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

const SETTING_PREPOSITIONS = new Set(['in', 'on', 'during', 'via', 'through', 'over', 'after', 'before', 'at']);
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

/**
 * Where a short time phrase ending at `k` begins ("on Monday", "last week", "on Tuesday night"), or -1: a day or
 * a unit of time after "on"/"in"/"last"/"this"/"earlier" right before it.
 */
function timePhraseStart(doc: Doc, k: number, first: number): number {
  let j = k;
  while (j > first && k - j < 2 && isTimeNoun(doc.tokens[j])) j--;
  if (j === k || doc.tokens[j]?.quote) return -1;
  return ['on', 'in', 'last', 'this', 'earlier'].includes(lower(doc.tokens[j])) ? j : -1;
}

/** Words that open a time phrase on their own ("this week", "last month", "past three days"). */
const TIME_OPENERS = new Set(['this', 'last', 'past', 'next', 'earlier', 'late', 'early']);

/** A word that names a stretch of time: a day, a part of one, or a unit ("weeks", "days"). */
function isTimeNoun(t: Token | undefined): boolean {
  if (!t || t.quote) return false;
  const word = lower(t);
  return TIME_WORDS.has(word) || TIME_UNITS.has(word) || (t.pos === 'NOUN' && TIME_UNITS.has(t.lemma));
}

const TIME_UNITS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'hour', 'hours', 'weekend', 'weekends']);

/** The first token the source may use: after the last quotation before the verb. */
function clauseFloor(doc: Doc, k: number, sentence: Sentence): number {
  for (let j = k; j >= sentence.first; j--) {
    const t = doc.tokens[j];
    if (t?.quote && !isQuotedTitle(doc, t)) return j + 1;
  }
  return sentence.first;
}

/**
 * "Voters who backed the plan last year warned …": the phrase before the verb closes a relative clause ("who backed
 * the plan"); the subject is the phrase "who" stands for.
 */
function relativeClauseSubject(doc: Doc, head: Span, floor: number): Span | null {
  let verb = false;
  for (let k = head.first - 1; k > floor && k >= head.first - 10; k--) {
    const t = doc.tokens[k];
    if (!t || t.quote || isComma(t) || isDash(doc, k)) return null;
    if (t.pos === 'VERB' || t.pos === 'AUX') verb = true;
    if (lower(t) !== 'who') continue;
    const antecedent = verb ? phraseEndingAt(doc, k - 1, floor) : null;
    // "… in Ostby, Brenwick who …": a place set off after a comma is where, not who.
    return antecedent && ['NOUN', 'PROPN'].includes(doc.tokens[antecedent.last]?.pos ?? '') && !isComma(doc.tokens[antecedent.first - 1]) ? antecedent : null;
  }
  return null;
}

/** "supporters who say …": the source is the phrase "who" stands for. */
function relativeAntecedent(doc: Doc, head: Span, floor: number): Span {
  const t = doc.tokens[head.first];
  if (!t || head.first !== head.last || !['who', 'which', 'that'].includes(lower(t))) return head;
  let k = head.first - 1;
  if (isComma(doc.tokens[k])) k--;
  const found = phraseEndingAt(doc, k, floor);
  if (!found) return head;
  // "… was hard for Tamsin Arkwell, who said": a phrase of modifiers and a preposition before the antecedent is no part of it.
  for (let j = found.first; j < found.last; j++) {
    const w = doc.tokens[j];
    if (!w || ['NOUN', 'PROPN', 'PRON', 'NUM'].includes(w.pos)) break;
    if (w.pos === 'ADP' && /^\p{Ll}/u.test(w.text)) return { first: j + 1, last: found.last };
  }
  return found;
}

/** Prepositions whose object may be the subject of a gerund right after it ("about Arkwell saying …"). */
const GERUND_SUBJECT_AFTER = new Set(['about', 'over', 'of']);

/**
 * A participle's own subject: the phrase between "with" and it ("with the minister arguing …"), or a name set off
 * before it by a dash or "and" ("… a statement – Tamsin Arkwell saying she was pleased and Eskil Varnholm calling it …"),
 * or a person named right after "about", "over" or "of".
 */
function withSubject(doc: Doc, end: number, floor: number): Span | null {
  const last = doc.tokens[end];
  if (!last || !['PROPN', 'NOUN', 'PRON'].includes(last.pos)) return null;
  const found = phraseEndingAt(doc, end, floor);
  if (!found) return null;
  // A dash between words ends a phrase, whatever it may join inside a name ("statement – Tamsin Arkwell").
  let phrase = found;
  for (let k = end - 1; k >= found.first; k--) if (DASHES.has(doc.tokens[k]?.text ?? '')) {
    phrase = { first: k + 1, last: end };
    break;
  }
  const before = lower(doc.tokens[phrase.first - 1]);
  if (before === 'with') return phrase;
  const named = last.pos === 'PROPN' && /^\p{Lu}/u.test(doc.tokens[phrase.first]?.text ?? '');
  // "asked about Tamsin Arkwell calling the plan a sham": a person named right after "about" is the gerund's subject.
  if (named && GERUND_SUBJECT_AFTER.has(before) && nameRuns(doc, phrase.first, phrase.last).some((r) => r.kind === 'person' && r.first === phrase.first && r.last === phrase.last && !r.possessive)) return phrase;
  return named && (dashEndingAt(doc, phrase.first - 1) >= 0 || before === 'and') ? phrase : null;
}

/**
 * "Conceding that the pier was late, Tamsin Arkwell said …": a participle that opens the sentence (adverbs aside) has
 * the subject of the main clause after it: the first later verb whose subject follows a comma or a quotation.
 */
function openingParticipleSubject(doc: Doc, cue: Cue, later: { cue: Cue; source: SourcePhrase | null }[], sentence: Sentence): SourcePhrase | null {
  for (let k = sentence.first; k < cue.first; k++) if (doc.tokens[k]?.pos !== 'ADV' || doc.tokens[k]?.quote) return null;
  for (const { cue: verb, source } of later) {
    if (verb.kind !== 'verb' || !source || source.inverted || source.head.first <= cue.last) continue;
    const opener = doc.tokens[sourceStart(source) - 1];
    if (isComma(opener) || opener?.quote) return source;
  }
  return null;
}

/** The last token of an opening participle's clause: before its subject's comma and an adverb set off there (", though,"). */
function openingParticipleEnd(doc: Doc, subject: SourcePhrase): number {
  let end = sourceStart(subject) - 1;
  if (!isComma(doc.tokens[end])) return boundaryBefore(doc, end + 1);
  let k = end - 1;
  // "though" after a comma is an adverb, whatever the tagger calls it.
  while (['ADV', 'SCONJ'].includes(doc.tokens[k]?.pos ?? '') && !doc.tokens[k]?.quote) k--;
  if (k < end - 1 && isComma(doc.tokens[k])) end = k;
  return boundaryBefore(doc, end);
}

/** Prepositions that take a participle in an aside ("after saying …", "while insisting …"). */
const ASIDE_PREPOSITIONS = new Set(['after', 'before', 'while', 'by', 'since', 'despite', 'in', 'without']);

/**
 * "Tamsin Arkwell, after first saying the pier was safe, closed it": a participle (a preposition and adverbs
 * before it) set off by a comma after a subject with no verb, closed by a comma or dash before the subject's finite
 * verb. The subject, and the last token of the aside.
 */
function asideParticiple(doc: Doc, cue: Cue, sentence: Sentence): { subject: Span; from: number; end: number } | null {
  let j = cue.first - 1;
  while (doc.tokens[j]?.pos === 'ADV' && !doc.tokens[j]?.quote) j--;
  if (ASIDE_PREPOSITIONS.has(lower(doc.tokens[j]))) j--;
  while (doc.tokens[j]?.pos === 'ADV' && !doc.tokens[j]?.quote) j--;
  if (!isComma(doc.tokens[j]) || doc.tokens[j]?.quote || j <= sentence.first) return null;
  for (let k = sentence.first; k < j; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PUNCT') return null;
  }
  const subject = phraseEndingAt(doc, j - 1, sentence.first);
  if (!subject || subject.first !== sentence.first) return null;
  // "alleging – again without proof – that …": a dashed aside right after the participle is skipped.
  let from = cue.last + 1;
  if (anyDash(doc, from)) {
    let close = from + 1;
    while (close < from + 8 && close < sentence.last && !anyDash(doc, close)) close++;
    if (anyDash(doc, close)) from = close + (doc.tokens[close + 1]?.text === '-' ? 2 : 1);
  }
  for (let k = from; k < sentence.last; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || !(isComma(t) || anyDash(doc, k))) continue;
    let v = k + 1;
    while (doc.tokens[v]?.pos === 'ADV' && !doc.tokens[v]?.quote) v++;
    const verb = doc.tokens[v];
    if (verb && !verb.quote && (verb.pos === 'VERB' || verb.pos === 'AUX') && !/ing$/.test(lower(verb))) return { subject, from, end: k - 1 };
  }
  return null;
}

/** Where a participle's own subject begins ("with" included), or null when it has none. */
function ownSubjectStart(doc: Doc, cue: Cue, sentence: Sentence): number | null {
  const own = withSubject(doc, cue.first - 1, sentence.first);
  if (!own) return null;
  return lower(doc.tokens[own.first - 1]) === 'with' ? own.first - 1 : own.first;
}

const ADVERBIAL_SUBORDINATORS = new Set(['when', 'as', 'while', 'after', 'before', 'because', 'since', 'until', 'once', 'though', 'although']);

/**
 * An elided verb joined to the verb of an adverbial clause ("the crowd cheered when Tamsin Arkwell spotted a sign
 * and asked …") shares that clause's subject, not the main clause's.
 */
function joinedSubject(doc: Doc, sentence: Sentence, and: number): SourcePhrase | null {
  for (let k = and - 1; k >= sentence.first; k--) {
    const t = doc.tokens[k];
    if (!t || t.quote || isComma(t)) return null;
    if (t.pos !== 'VERB' || /ing$/.test(lower(t)) || lower(doc.tokens[k - 1]) === 'to') continue;
    const fake: Cue = { kind: 'verb', first: k, last: k, lemma: t.lemma, frame: 'clause', sentence };
    const source = sourceOf(doc, fake);
    return source && !source.inverted && ADVERBIAL_SUBORDINATORS.has(lower(doc.tokens[source.head.first - 1])) ? source : null;
  }
  return null;
}

/**
 * "A left early, but Tamsin Arkwell stayed on, asking …": a participle after a clause joined by ", but"/", and" hangs
 * on that clause; its subject (the phrase right after the conjunction, before its verb) is the participle's.
 */
function coordinatedSubject(doc: Doc, sentence: Sentence, participle: number): SourcePhrase | null {
  const comma = participle - 1;
  if (!isComma(doc.tokens[comma]) || doc.tokens[comma]?.quote) return null;
  let open = comma - 1;
  while (open >= sentence.first && !isComma(doc.tokens[open])) open--;
  const conjunction = doc.tokens[open + 1];
  if (open < sentence.first || !conjunction || !['but', 'and'].includes(lower(conjunction))) return null;
  for (let k = open + 2; k < comma; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote) return null;
    if (t.pos !== 'VERB' || /ing$/.test(lower(t))) continue;
    const head = phraseEndingAt(doc, k - 1, open + 2);
    return head && head.first === open + 2 ? { head, appositions: [], inverted: false } : null;
  }
  return null;
}

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

/**
 * "The vote was close, as Tamsin Arkwell conceded defeat, saying …": a participle right after an adverbial clause that
 * follows the main clause goes on with that clause's subject, the nearest one before it.
 */
function trailingClauseSubject(doc: Doc, sentence: Sentence, participle: number): SourcePhrase | null {
  const comma = participle - 1;
  if (!isComma(doc.tokens[comma]) || doc.tokens[comma]?.quote) return null;
  let open = comma - 1;
  while (open >= sentence.first && !isComma(doc.tokens[open])) open--;
  const subordinator = doc.tokens[open + 1];
  if (open < sentence.first || !subordinator || subordinator.quote || !ADVERBIAL_SUBORDINATORS.has(lower(subordinator))) return null;
  for (let k = open + 2; k < comma; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote) return null;
    if ((t.pos !== 'VERB' && t.pos !== 'AUX') || /ing$/.test(lower(t))) continue;
    // Only someone who can speak: a name or a personal pronoun ("after her first statement was shown false" is not).
    const head = phraseEndingAt(doc, k - 1, open + 2);
    const speaker = head && (nameRuns(doc, head.first, head.last).some((r) => r.last === head.last) || (head.first === head.last && ['he', 'she', 'they'].includes(lower(doc.tokens[head.first]))));
    return head && speaker && head.first === open + 2 ? { head, appositions: [], inverted: false } : null;
  }
  return null;
}

/**
 * "Tamsin Arkwell, a former adviser, one of the founders, said": a comma right before the verb closes an apposition;
 * the segments before it that describe someone belong to the head phrase before them.
 */
function appositionChain(doc: Doc, floor: number, last: number): SourcePhrase | null {
  const segments = joinRelativeClause(doc, commaSegments(doc, floor, last));
  const n = segments.length - 1;
  // The chain: the segments before the verb that describe someone (a name is such a segment too).
  let start = n;
  while (start >= 0 && segments[start] && (isDescription(doc, segments[start] as Span) || isAdjunctSegment(doc, segments[start] as Span))) start--;
  // "But Tamsin Arkwell, a planner, said": a conjunction opening the clause is no part of the chain's first segment.
  const opening = segments[0];
  if (start === 0 && opening && opening.last > opening.first && doc.tokens[opening.first]?.pos === 'CCONJ' && isDescription(doc, { first: opening.first + 1, last: opening.last })) {
    segments[0] = { first: opening.first + 1, last: opening.last };
    start = -1;
  }
  // "…, after winning the primary, Gov. Tamsin Arkwell (R-OH), said": a name right after an adverbial is the subject.
  const lastSeg = segments[n];
  const beforeLast = segments[n - 1];
  if (lastSeg && beforeLast && isAdjunctSegment(doc, beforeLast) && SETTING_PREPOSITIONS.has(lower(doc.tokens[beforeLast.first]))) {
    const head = phraseEndingAt(doc, lastSeg.last, lastSeg.first);
    const named = head && head.first === lastSeg.first && nameRuns(doc, head.first, head.last).some((r) => r.kind === 'person' && (r.words.length >= 2 || r.title !== ''));
    if (head && named) return { head, appositions: [], inverted: false };
  }
  // The head is the chain's first segment that can name someone ("Tamsin Arkwell, 69, a former adviser, said").
  for (let h = start + 1; h < n; h++) {
    const seg = segments[h] as Span;
    // "On the radio, his wife, Mira, said": an opening where or when is no head.
    if (isAdjunctSegment(doc, seg)) continue;
    const head = phraseEndingAt(doc, seg.last, seg.first);
    if (head && !describesOnly(doc, seg, head)) return { head, appositions: segments.slice(h + 1, n + 1), inverted: false };
  }
  // Else the segment before the chain ends with the head: "In a statement the senator, a former mayor, said".
  const before = segments[start];
  if (before && start < n) {
    const head = phraseEndingAt(doc, before.last, before.first);
    if (head) return { head, appositions: segments.slice(start + 1, n + 1), inverted: false };
  }
  return null;
}

/**
 * "Tamsin Arkwell, whose town, Brenwick, is expected to flood, argues": a relative clause set off before the verb runs
 * to the comma before it, commas of its own included; its segments are joined into one.
 */
function joinRelativeClause(doc: Doc, segments: Span[]): Span[] {
  const opens = segments.findIndex((seg, n) => n > 0 && ['who', 'whose', 'which'].includes(lower(doc.tokens[seg.first])) && !doc.tokens[seg.first]?.quote);
  const lastSeg = segments.at(-1);
  const opening = segments[opens];
  if (opens < 0 || opens === segments.length - 1 || !opening || !lastSeg) return segments;
  return [...segments.slice(0, opens), { first: opening.first, last: lastSeg.last }];
}

/** "in Brenwick", "on Tuesday", "at a rally in May": where or when, set off between a subject and its verb. */
function isAdjunctSegment(doc: Doc, seg: Span): boolean {
  const first = doc.tokens[seg.first];
  if (!first || first.pos !== 'ADP' || !ADJUNCT_PREPOSITIONS.has(lower(first)) || seg.last - seg.first > 8) return false;
  for (let k = seg.first + 1; k <= seg.last; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || t.pos === 'AUX' || t.pos === 'SCONJ' || (t.pos === 'VERB' && !/(?:ing|ed)$/.test(lower(t)))) return false;
  }
  return true;
}

/** A segment that is only a description ("who …", an age) cannot be the head phrase. */
function describesOnly(doc: Doc, seg: Span, head: Span): boolean {
  const first = doc.tokens[seg.first];
  if (!first) return true;
  if (['who', 'which', 'whose'].includes(lower(first))) return true;
  return seg.first === seg.last && first.pos === 'NUM' && head.first === head.last;
}

/** "…,” said Tamsin Arkwell, a former adviser." — the phrase after the verb, with its appositions. */
function sourceAfter(doc: Doc, cue: Cue): SourcePhrase | null {
  const sentence = cue.sentence;
  let k = cue.last + 1;
  while (k <= sentence.last && (doc.tokens[k]?.pos === 'ADV' || TIME_WORDS.has(lower(doc.tokens[k])))) k++;
  const first = doc.tokens[k];
  if (!first || first.quote || lower(first) === 'that' || first.pos === 'PRON' && !['he', 'she', 'they', 'we', 'i'].includes(lower(first))) return null;
  const head = phraseStartingAt(doc, k, sentence.last);
  if (!head) return null;
  // "said the plan had failed": a phrase followed by its own verb is the subject of what was said.
  const following = doc.tokens[head.last + 1];
  // After a quotation ("“…,” said an analyst who worked for …") a relative clause describes the speaker.
  const describedAfterQuote = ['who', 'whose'].includes(lower(following)) && doc.tokens[cue.first - 1]?.quote !== null && doc.tokens[cue.first - 1] !== undefined;
  if (following && !following.quote && !describedAfterQuote && (following.pos === 'VERB' || following.pos === 'AUX' || following.pos === 'PRON' || following.pos === 'DET')) return null;
  const appositions: Span[] = [];
  let next = head.last + 1;
  while (isComma(doc.tokens[next])) {
    const segEnd = nextComma(doc, next + 1, sentence.last);
    const seg = { first: next + 1, last: segEnd };
    if (seg.last < seg.first || !isDescription(doc, seg)) break;
    appositions.push(seg);
    next = segEnd + 1;
  }
  return { head, appositions, inverted: true };
}

function nextComma(doc: Doc, from: number, last: number): number {
  let depth = 0;
  for (let k = from; k <= last; k++) {
    const t = doc.tokens[k];
    if (t?.text === '(') depth++;
    else if (t?.text === ')') depth = Math.max(0, depth - 1);
    // A quoted phrase ("who said prices had ''cratered''") stays in the clause; a quotation of its own ends it.
    else if (depth === 0 && (isComma(t) || (t?.pos === 'PUNCT' && t.text === '.' && k === last) || t?.quote?.standalone)) return k - 1;
  }
  return last;
}

function sourceEnd(source: SourcePhrase): number {
  return source.appositions.at(-1)?.last ?? source.head.last;
}

function sourceStart(source: SourcePhrase): number {
  return source.listStart ?? source.head.first;
}

/** A capitalised word, or a title's stop: what a name is made of. */
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}'’.-]*|\.)$/u;

/**
 * "Ysolde Brannock, Teodor Quillam, Marit Ossery said" (or "… and Marit Ossery said"): names listed before the
 * head, so the content before them stops at the list. Two names and no "and" ("Brannock, Quillam said, is …") is a
 * parenthesis, not a list.
 */
function nameListStart(doc: Doc, head: Span, floor: number): number | undefined {
  const isName = (span: Span): boolean => doc.tokens.slice(span.first, span.last + 1).every((t) => !t.quote && NAME_TOKEN.test(t.text));
  const joined = doc.tokens.slice(head.first, head.last + 1).some((t) => lower(t) === 'and');
  let first = head.first;
  let members = 1;
  while (isComma(doc.tokens[first - 1]) && first - 2 >= floor) {
    // The segment before the comma, found by walking back to the previous comma (a list is read once, not re-split).
    let start = first - 2;
    while (start - 1 >= floor && !isComma(doc.tokens[start - 1])) start--;
    if (!isName({ first: start, last: first - 2 })) break;
    first = start;
    members++;
  }
  return first < head.first && (joined || members >= 3) ? first : undefined;
}

function buildStatement(doc: Doc, cue: Cue, source: SourcePhrase | null, previous: Statement | null, limit: number, sentence: Sentence, earlier: SourcePhrase | null): Statement | null {
  const make = (parts: Range[], src: SourcePhrase | null, inherits: Statement | null, form: StatementForm): Statement | null => {
    const clean = parts.map((p) => trimContent(doc, p)).filter((p) => p.end > p.start && /[\p{L}\p{N}]/u.test(doc.text.slice(p.start, p.end)));
    if (clean.length === 0) return null;
    const direct = clean.every((p) => isQuotePart(doc, p));
    return { cue, source: src, inherits, parts: clean, direct, paragraph: sentence.paragraph, sentence, form };
  };
  if (cue.kind === 'according') return according(doc, cue, sentence, make);
  if (cue.kind === 'noun') {
    const noun = speechNounAt(doc, cue.first, sentence);
    if (!noun) return null;
    const last = nounContentEnd(doc, noun.contentFirst, limit, lower(doc.tokens[noun.contentFirst - 1]) === 'that');
    const content = tokensRange(doc, noun.contentFirst, last);
    return content ? make([content], { head: noun.owner, appositions: [], inverted: false, possessor: true }, null, 'noun') : null;
  }
  if (cue.kind === 'label') {
    // The words after the label run to the paragraph's end.
    const paragraph = doc.layout.paragraphs[sentence.paragraph];
    const colon = doc.tokens[cue.first];
    if (!paragraph || !colon) return null;
    const head = { first: sentence.first, last: cue.first - 1 };
    return make([{ start: colon.end, end: paragraph.end }], { head, appositions: [], inverted: false }, null, 'label');
  }
  if (cue.kind === 'colon') {
    const quote = doc.tokens[cue.first + 1]?.quote;
    const head = presentedName(doc, sentence, cue.first) ?? phraseEndingAt(doc, cue.first - 1, sentence.first);
    if (!quote || !head) return null;
    const speaker = earlier && colonEndsReport(doc, earlier, head) ? earlier : { head, appositions: [], inverted: false };
    return make([quotedWords(doc.text, quote)], speaker, null, 'colon');
  }
  if (cue.kind === 'dash') {
    const quote = doc.tokens[cue.first - 1]?.quote;
    const head = phraseStartingAt(doc, cue.first + 1, sentence.last);
    if (!quote || !head) return null;
    return make([quotedWords(doc.text, quote)], { head, appositions: [], inverted: true }, null, 'dash');
  }
  if (cue.kind === 'participle') {
    // "Tamsin Arkwell, after first saying …, left": an aside between the subject and its verb.
    const aside = asideParticiple(doc, cue, sentence);
    if (aside) {
      const inside = complement(doc, cue, aside.from, Math.min(limit, aside.end));
      return inside && weakVerbHolds(doc, cue, inside) ? make([inside], { head: aside.subject, appositions: [], inverted: false }, null, 'participle') : null;
    }
    const content = complement(doc, cue, cue.last + 1, limit);
    if (!content || !weakVerbHolds(doc, cue, content)) return null;
    // "with Tamsin Arkwell saying …": the phrase after "with" is the participle's own subject.
    const own = withSubject(doc, cue.first - 1, sentence.first);
    if (own) return make([content], { head: own, appositions: [], inverted: false }, null, 'participle');
    // ", saying …" continues the previous statement's speaker, else the subject of the clause it hangs on.
    if (previous && !saidInRelativeClause(doc, previous)) return make([content], null, previous, 'participle');
    // "Conceding that …, Tamsin Arkwell said …": an opening participle's subject is the main clause's, after it.
    if (source) return make([content], source, null, 'participle');
    const subject = coordinatedSubject(doc, sentence, cue.first) ?? trailingClauseSubject(doc, sentence, cue.first) ?? mainSubject(doc, sentence, cue.first);
    return subject ? make([content], subject, null, 'participle') : null;
  }
  if (!source) {
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
  // "Neither party has explained …", "No one said …": nothing was said.
  if (NEGATED_SUBJECTS.has(lower(doc.tokens[source.head.first]))) return null;
  const afterVerb = source.inverted ? sourceEnd(source) + 1 : cue.last + 1;
  // "Tamsin Arkwell responded:" ending a paragraph: the quotation opening the next one is what she said (turns.ts).
  if (!source.inverted && endsWithColon(doc, sentence) && cue.last >= lastCueBefore(doc, sentence) && noClauseAfter(doc, cue.last + 1, sentence.last - 1)) {
    return { cue, source, inherits: null, parts: [], direct: true, paragraph: sentence.paragraph, sentence, form: 'colon', awaitsQuote: true };
  }
  const found = onlyAddressed(doc, source, complement(doc, cue, afterVerb, limit), limit);
  // A weak verb's words must be introduced ("agreed that …"); else look around it, as for "she agreed."
  const after = found && weakVerbHolds(doc, cue, found) ? found : null;
  // "Tamsin Arkwell tweeted a warning. “…”": an object that is only a noun of speech closes the sentence, and the
  // quotation that makes the next sentence is what was said.
  const announced = after !== null && !source.inverted && onlySpeechNoun(doc, after, sentence) ? quoteOnlySentence(doc, sentence.index + 1, sentence.paragraph) : null;
  if (announced) return make(announced, source, null, 'colon');
  // “A,” she said, “B.” — a quotation after the attribution continues the one before it.
  const interrupted = after !== null && tokenStartingAt(doc, after.start)?.quote?.standalone === true;
  if (after && !interrupted) {
    // “C,” S said in May on the podcast “T.” · “C,” S said answering a question: a quotation opening the sentence right
    // before its attribution is what was said; the words after the verb, unless "that" or a colon brings them, say how.
    const opening = openingQuotation(doc, sentence, source.inverted ? cue.first : sourceStart(source));
    const start = tokenStartingAt(doc, after.start);
    const brought = start !== undefined && ['that', ':'].includes(lower(doc.tokens[start.i - 1]));
    if (opening && !brought) return make([quotedWords(doc.text, opening)], source, null, 'quote-before');
    return make([mainClauseBefore(doc, after, source, sentence)], source, null, 'after');
  }
  // Else the content is around the attribution clause, which must be set off from it ("C, S said" ·
  // "“C,” said S" · "C, as S said, …"), not merely follow it ("After C, S announced.").
  let clauseStart = source.inverted ? cue.first : sourceStart(source);
  if (!source.inverted && lower(doc.tokens[clauseStart - 1]) === 'as') clauseStart--;
  // "A chanted “C,” the Ledger reports.": a reporter closing the sentence tells all of it, the quotation before too.
  const quotedBefore = previous?.parts.some((p) => /["“”]/.test(doc.text.slice(p.start, p.end))) === true;
  const floor = previous && !(quotedBefore && closingReporter(doc, cue, source, clauseStart, sentence)) ? Math.max(sentence.first, lastTokenOf(doc, previous) + 1) : sentence.first;
  if (!after) {
    const unmarked = unmarkedName(doc, cue, source, floor);
    if (unmarked) return make([unmarked.content], unmarked.source, null, 'around');
  }
  let mark = clauseStart - 1;
  while (mark >= floor && ['and', 'but', 'so', 'yet'].includes(lower(doc.tokens[mark]))) mark--;
  const setOff = mark < floor || isSetOff(doc.tokens[mark]);
  const tailEnd = attributionTail(doc, source.inverted ? sourceEnd(source) : Math.max(cue.last, sourceEnd(source)), limit);
  // A trailing attribution ends the clause or adds a short adjunct ("…, she said on Tuesday in Brenwick"); a verb with a
  // long object of its own ("…, Tamsin Arkwell remarked upon a story in which …") is no attribution of what came before.
  const shortTail = isAdjunctTail(doc, Math.max(cue.last, source.inverted ? sourceEnd(source) : cue.last) + 1, tailEnd);
  // “C,” S said … — a quotation right before the attribution is its content whatever follows the verb.
  const quoteBefore = doc.tokens[firstWordAfter(doc, floor)]?.quote?.standalone === true;
  const before = setOff && (shortTail || quoteBefore) ? tokensRange(doc, floor, boundaryBefore(doc, clauseStart)) : null;
  const afterFirst = setOff ? tailEnd + 1 : limit + 1;
  // The words around a parenthetical attribution are said together ("The delay, she said, was avoidable").
  const beforePart = before && statesSomething(doc, floor, boundaryBefore(doc, clauseStart)) ? before : before && !after && statesSomething(doc, afterFirst, limit) && continuation(doc, afterFirst, limit) ? before : null;
  if (after) return make(beforePart && quoteBefore ? [beforePart, after] : [after], source, null, beforePart && quoteBefore ? 'around' : 'after');
  // After a quotation only another quotation goes on with it (“A,” she said, “B.”), not narration (“A,” she said, and left).
  const afterPart = setOff ? continuation(doc, tailEnd + 1, limit, beforePart !== null && quoteBefore) : null;
  const parts = [beforePart, afterPart].filter((p): p is Range => p !== null);
  if (parts.length > 0 && !parts.some((p) => /["“”'‘’]/.test(doc.text.slice(p.start, p.end))) && WEAK_SPEECH_LEMMAS.has(cue.lemma)) return null;
  if (parts.length === 0) {
    // “…!” Tamsin Arkwell tweeted. — the quotation ended the sentence before its attribution.
    const quoted = previousQuoteOnly(doc, sentence);
    if (quoted && clauseStart <= firstWordIndex(doc, sentence)) return make(quoted, source, null, 'quote-before');
    // "… - “…,” Tamsin Arkwell said - but …": a quotation set off by a dash right before its attribution.
    const aside = dashedQuotationBefore(doc, clauseStart, floor);
    if (aside) return make([quotedWords(doc.text, aside)], source, null, 'quote-before');
    // "Tamsin Arkwell put it this way:" ends a paragraph; the next one is what she said (filled in by turns.ts).
    if (endsWithColon(doc, sentence)) return { cue, source, inherits: null, parts: [], direct: true, paragraph: sentence.paragraph, sentence, form: 'colon', awaitsQuote: true };
    // "Tamsin Arkwell said in a statement. “…”": an attribution that opens its sentence and says nothing, then a
    // sentence that is only a quotation: the quotation is what was said.
    const next = clauseStart <= firstWordIndex(doc, sentence) && shortTail && tailEnd >= sentence.last - 1 ? quoteOnlySentence(doc, sentence.index + 1, sentence.paragraph) : null;
    if (next) return make(next, source, null, 'colon');
  }
  return parts.length > 0 ? make(parts, source, null, 'around') : null;
}

/**
 * “…?” Tamsin Arkwell asked the minister. · “…,” he urged them, as the crowd booed. — after a quotation, a verb's
 * object that is only a noun phrase (the one asked or urged) says to whom; the quotation is what was said.
 */
function onlyAddressed(doc: Doc, source: SourcePhrase, found: Range | null, limit: number): Range | null {
  if (!found || source.inverted) return found;
  let k = sourceStart(source) - 1;
  if (isComma(doc.tokens[k]) && !doc.tokens[k]?.quote) k--;
  const mark = doc.tokens[k];
  if (!mark?.quote?.standalone || mark.end !== mark.quote.outer.end) return found;
  const first = tokenStartingAt(doc, found.start);
  if (!first || first.quote) return found;
  const phrase = phraseStartingAt(doc, first.i, limit);
  if (!phrase) return found;
  const next = doc.tokens[phrase.last + 1];
  return phrase.last >= limit || isComma(next) || (next?.pos === 'PUNCT' && !next.quote) || onlyHowAndWhen(doc, phrase.last + 1, limit) ? null : found;
}

/** "… rhetorically during a news conference last month.": from `k` to the sentence's end, only adverbs and where or when. */
function onlyHowAndWhen(doc: Doc, k: number, limit: number): boolean {
  let j = k;
  while (j <= limit && doc.tokens[j]?.pos === 'ADV' && !doc.tokens[j]?.quote) j++;
  let last = limit;
  while (last >= j && doc.tokens[last]?.pos === 'PUNCT' && !doc.tokens[last]?.quote) last--;
  if (j > last) return j > k;
  return doc.tokens[j]?.pos === 'ADP' && ADJUNCT_PREPOSITIONS.has(lower(doc.tokens[j])) && isAdjunctTail(doc, j, last);
}

/** Words after an attribution's verb that only say where, when or to whom: no verb or clause of their own, a dozen words at most. */
function isAdjunctTail(doc: Doc, first: number, last: number): boolean {
  if (last - first > 12) return false;
  for (let k = first; k <= last; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote) continue;
    if (t.pos === 'AUX' || t.pos === 'SCONJ' || (t.pos === 'VERB' && !/(?:ing|ed)$/.test(lower(t)))) return false;
    if (['which', 'who', 'that'].includes(lower(t))) return false;
  }
  return true;
}

/**
 * "…, he is also the ablest candidate Arkwell argues." — a name and its verb close the sentence after a clause of
 * their own, with the comma left out: the name alone is the source, and the clause before it what was said.
 */
function unmarkedName(doc: Doc, cue: Cue, source: SourcePhrase, floor: number): { content: Range; source: SourcePhrase } | null {
  if (source.inverted || source.appositions.length > 0 || cue.kind !== 'verb') return null;
  for (let k = cue.last + 1; k <= cue.sentence.last; k++) if (doc.tokens[k]?.pos !== 'PUNCT' || doc.tokens[k]?.quote) return null;
  const run = nameRuns(doc, source.head.first, source.head.last).at(-1);
  if (!run || run.last !== source.head.last || run.kind !== 'person' || run.possessive || cue.first !== run.last + 1) return null;
  const before = doc.tokens[run.first - 1];
  if (!before || run.first - 1 < floor || before.quote || !/^\p{Ll}/u.test(before.text) || before.pos !== 'NOUN') return null;
  const content = tokensRange(doc, floor, run.first - 1);
  if (!content || !statesSomething(doc, floor, run.first - 1)) return null;
  return { content, source: { head: { first: run.first, last: run.last }, appositions: [], inverted: false } };
}

/** The standalone quotation that opens the sentence and closes right before `clauseStart` (a comma may follow it), or null. */
function openingQuotation(doc: Doc, sentence: Sentence, clauseStart: number): Quotation | null {
  let k = clauseStart - 1;
  if (isComma(doc.tokens[k]) && !doc.tokens[k]?.quote) k--;
  const q = doc.tokens[k]?.quote;
  const first = doc.tokens[sentence.first];
  if (!q || !q.standalone || doc.tokens[k]?.end !== q.outer.end || !first || first.quote !== q) return null;
  return q;
}

/** The standalone quotation closing right before `clauseStart` whose opening mark follows a dash, or null. */
function dashedQuotationBefore(doc: Doc, clauseStart: number, floor: number): Quotation | null {
  let k = clauseStart - 1;
  if (isComma(doc.tokens[k]) && !doc.tokens[k]?.quote) k--;
  const q = doc.tokens[k]?.quote;
  if (!q || !q.standalone || doc.tokens[k]?.end !== q.outer.end) return null;
  let open = k;
  while (open - 1 >= floor && doc.tokens[open - 1]?.quote === q) open--;
  const before = doc.tokens[open - 1];
  return open - 1 >= floor && before && (DASHES.has(before.text) || before.text === '-') ? q : null;
}

/** A comma, a closing quotation mark, a colon or a dash sets an attribution off from its content. */
function isSetOff(t: Token | undefined): boolean {
  if (!t) return true;
  if (t.quote) return t.end === t.quote.outer.end;
  return [',', ':', '—', '–', '-', '(', ';'].includes(t.text);
}

/** A stretch that can be what someone said: a quotation, or a clause with a verb of its own. */
function statesSomething(doc: Doc, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const t = doc.tokens[k];
    if (!t) continue;
    if (t.quote) return true;
    if (t.pos === 'VERB' || t.pos === 'AUX') return true;
  }
  return false;
}

/**
 * Verbs that often mean something else ("continued", "agreed", "pledged $5 million") report speech only when
 * "that" or a quotation follows them.
 */
function weakVerbHolds(doc: Doc, cue: Cue, content: Range): boolean {
  if (!WEAK_SPEECH_LEMMAS.has(cue.lemma)) return true;
  if (COMMITMENTS.has(cue.lemma) && /^(?:not\s+)?to\s/.test(doc.text.slice(content.start, content.start + 7))) return true;
  if (COMMITMENTS.has(cue.lemma) && modalClauseAt(doc, content)) return true;
  const before = doc.text.slice(Math.max(0, content.start - 8), content.start);
  if (TOPIC_SPEECH.has(cue.lemma) && /\b(?:about|of)\s+$/.test(before)) return true;
  return /\bthat\s*$|[:,]\s*$/.test(before) || /^["“'‘`]/.test(doc.text.slice(content.start - 1, content.start + 1).trim());
}

const MODALS = new Set(['will', 'would', 'shall', 'should', 'could', 'can', 'must', 'may', 'might']);

/** "vowed the bridge would open": a noun phrase, then a modal, opens the content (a clause without "that"); no verb, comma or quote before. */
function modalClauseAt(doc: Doc, content: Range): boolean {
  const start = tokenStartingAt(doc, content.start);
  if (!start) return false;
  const first = start.i;
  for (let k = first; k < first + 7; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || t.end > content.end) return false;
    if (k > first && t.pos === 'AUX' && MODALS.has(lower(t))) return true;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PUNCT' || t.pos === 'ADP' || t.pos === 'SCONJ') return false;
  }
  return false;
}

function firstWordAfter(doc: Doc, from: number): number {
  let k = from;
  while (doc.tokens[k] && doc.tokens[k]?.pos === 'PUNCT' && !doc.tokens[k]?.quote) k++;
  return k;
}

function firstWordIndex(doc: Doc, sentence: Sentence): number {
  let k = sentence.first;
  while (k < sentence.last && doc.tokens[k]?.pos === 'PUNCT') k++;
  return k;
}

/** The last verb of the sentence outside quotations (a colon after it introduces what follows). */
function lastCueBefore(doc: Doc, sentence: Sentence): number {
  for (let k = sentence.last; k >= sentence.first; k--) if (doc.tokens[k]?.pos === 'VERB' && !doc.tokens[k]?.quote) return k;
  return -1;
}

/** Between a verb and a colon, only an object or an adjunct ("called them on it:", "said in a statement:"), no clause. */
function noClauseAfter(doc: Doc, first: number, last: number): boolean {
  if (last - first > 8) return false;
  for (let k = first; k <= last; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'SCONJ' || lower(t) === 'that') return false;
  }
  return true;
}

function endsWithColon(doc: Doc, sentence: Sentence): boolean {
  const paragraph = doc.layout.paragraphs[sentence.paragraph];
  return doc.tokens[sentence.last]?.text === ':' && paragraph !== undefined && sentence.end >= paragraph.end;
}

/** The quotations of the sentence before, in the same paragraph, when that sentence is nothing else. */
function previousQuoteOnly(doc: Doc, sentence: Sentence): Range[] | null {
  return quoteOnlySentence(doc, sentence.index - 1, sentence.paragraph);
}

/** Nouns that name a message without saying it ("tweeted a warning", "issued a statement"). */
const MESSAGE_NOUNS = new Set(['warning', 'statement', 'message', 'reminder', 'response', 'reply', 'note', 'plea', 'challenge', 'prediction', 'retort']);

/** The range is "a warning" or "a stern reminder" and nothing else of the sentence follows but its stop. */
function onlySpeechNoun(doc: Doc, range: Range, sentence: Sentence): boolean {
  const first = tokenStartingAt(doc, range.start);
  if (!first) return false;
  let last = first.i;
  while (doc.tokens[last + 1] && (doc.tokens[last + 1]?.end ?? Infinity) <= range.end) last++;
  if (doc.tokens[last]?.pos === 'PUNCT' && !doc.tokens[last]?.quote && last > first.i) last--;
  const words = doc.tokens.slice(first.i, last + 1);
  const noun = words.at(-1);
  const closes = last === sentence.last || (last + 1 === sentence.last && doc.tokens[sentence.last]?.pos === 'PUNCT' && !doc.tokens[sentence.last]?.quote);
  return closes && words.length <= 3 && noun !== undefined && !noun.quote && MESSAGE_NOUNS.has(lower(noun)) && ['a', 'an', 'this', 'the'].includes(lower(words[0]));
}

/** The quotations of sentence `index`, when it is in `paragraph` and nothing else. */
function quoteOnlySentence(doc: Doc, index: number, paragraph: number): Range[] | null {
  const before = doc.sentences[index];
  if (!before || before.paragraph !== paragraph) return null;
  const quotes = new Set<Quotation>();
  for (let k = before.first; k <= before.last; k++) {
    const t = doc.tokens[k];
    if (t?.quote?.standalone) quotes.add(t.quote);
    else if (t && t.pos !== 'PUNCT') return null;
  }
  return quotes.size > 0 ? [...quotes].map((q) => quotedWords(doc.text, q)) : null;
}

/**
 * The subject of the clause a participle hangs on ("Tamsin Arkwell released a statement saying …"): the source phrase
 * of the first finite verb of the sentence, after any opening adverbial ("In response, …").
 */
function mainSubject(doc: Doc, sentence: Sentence, before: number): SourcePhrase | null {
  let from = sentence.first;
  // Opening adverbials one after another ("At a rally, while his rivals called for more, …").
  for (let guard = 0; guard < 3; guard++) {
    const opener = doc.tokens[from];
    // "Asked on Monday, …", "Speaking to reporters, …": an opening participle's clause is no subject either.
    const participle = opener?.pos === 'VERB' && /(?:ed|ing)$/.test(lower(opener));
    if (!opener || !(opener.pos === 'ADP' || opener.pos === 'SCONJ' || opener.pos === 'ADV' || participle)) break;
    // "Then she left, saying …": an adverb with no comma of its own modifies the clause it opens; only it is skipped.
    const subordinator = ADVERBIAL_SUBORDINATORS.has(lower(opener));
    if (opener.pos === 'ADV' && from === sentence.first && !subordinator && !isComma(doc.tokens[from + 1])) {
      from++;
      continue;
    }
    const comma = nextCommaBefore(doc, from, before);
    if (comma < 0) break;
    from = comma + 1;
  }
  for (let k = from; k < before; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote) continue;
    // A relative clause or a dashed aside ("Tamsin Arkwell -- whose firm built it -- has …") has its own verbs.
    if (RELATIVE_OPENERS.has(lower(t)) && k > from) {
      const end = nextCommaBefore(doc, k, before, true);
      if (end < 0) {
        // "Tamsin Arkwell, who backed the plan and said …": the verb is the relative clause's own; its subject is
        // the phrase "who" stands for.
        const antecedent = phraseEndingAt(doc, isComma(doc.tokens[k - 1]) ? k - 2 : k - 1, from);
        return antecedent ? { head: antecedent, appositions: [], inverted: false } : null;
      }
      k = end;
      continue;
    }
    if (isDash(doc, k)) {
      const end = nextDashBefore(doc, k + (doc.tokens[k + 1]?.text === '-' ? 2 : 1), before);
      if (end >= 0) k = end + (doc.tokens[end + 1]?.text === '-' ? 1 : 0);
      continue;
    }
    // "to sell" is an infinitive, no clause's verb.
    if (lower(doc.tokens[k - 1]) === 'to' && doc.tokens[k - 1]?.pos === 'PART') continue;
    // "Tamsin Arkwell rips the plan": a present-tense verb after a name, tagged as a plural noun.
    const misTagged = t.pos === 'NOUN' && /s$/.test(lower(t)) && doc.tokens[k - 1]?.pos === 'PROPN' && doc.tokens[k + 1]?.pos === 'DET';
    if (((t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/.test(lower(t))) || misTagged) {
      const fake: Cue = { kind: 'verb', first: k, last: k, lemma: t.lemma, frame: 'clause', sentence };
      const source = sourceOf(doc, fake);
      return source && !source.inverted ? source : null;
    }
  }
  return null;
}

const RELATIVE_OPENERS = new Set(['who', 'whose', 'whom', 'which']);

/**
 * "Tamsin Arkwell rebuked critics who say …, saying …": the previous statement's source is the object of the main verb
 * and speaks in a relative clause of its own; a participle after the comma goes on with the main clause's subject.
 */
function saidInRelativeClause(doc: Doc, previous: Statement): boolean {
  const source = previous.source;
  if (!source || source.inverted) return false;
  const relative = doc.tokens[source.head.last + 1];
  if (!relative || relative.quote || !['who', 'that'].includes(lower(relative))) return false;
  let k = relative.i + 1;
  while (doc.tokens[k]?.pos === 'ADV') k++;
  if (previous.cue.first !== k) return false;
  const before = doc.tokens[(source.listStart ?? source.head.first) - 1];
  return before !== undefined && !before.quote && before.sentence === relative.sentence && (before.pos === 'VERB' || before.pos === 'ADP');
}

/** The first comma (or, with `orDash`, dash) at or after `from` and before `before`, or -1. */
function nextCommaBefore(doc: Doc, from: number, before: number, orDash = false): number {
  for (let k = from; k < before; k++) if (isComma(doc.tokens[k]) || (orDash && isDash(doc, k))) return k;
  return -1;
}

function nextDashBefore(doc: Doc, from: number, before: number): number {
  for (let k = from; k < before; k++) if (isDash(doc, k)) return k;
  return -1;
}

/** The first token of a dash ending at `k` ("—", "–", or the two hyphens of "--"), or -1. */
function dashEndingAt(doc: Doc, k: number): number {
  const t = doc.tokens[k]?.text ?? '';
  if (DASHES.has(t)) return k;
  return t === '-' && doc.tokens[k - 1]?.text === '-' ? k - 1 : -1;
}

/** A dash between words, a hyphen set off by spaces ("again - falsely") included. */
function anyDash(doc: Doc, k: number): boolean {
  const t = doc.tokens[k];
  if (!t || t.quote) return false;
  return isDash(doc, k) || (t.text === '-' && /\s/.test(doc.text[t.start - 1] ?? '') && /\s/.test(doc.text[t.end] ?? ''));
}

/** A dash between words: "—", "–", or "--" (read as two hyphens). */
function isDash(doc: Doc, k: number): boolean {
  const t = doc.tokens[k]?.text ?? '';
  return DASHES.has(t) || (t === '-' && doc.tokens[k + 1]?.text === '-');
}

function lastTokenOf(doc: Doc, s: Statement): number {
  const end = s.parts.at(-1)?.end ?? 0;
  let k = s.sentence.first;
  while (k <= s.sentence.last && (doc.tokens[k]?.end ?? Infinity) <= end) k++;
  return k - 1;
}

/** Tokens first..last as a character range, or null when empty. */
function tokensRange(doc: Doc, first: number, last: number): Range | null {
  const a = doc.tokens[first];
  const b = doc.tokens[last];
  if (!a || !b || last < first) return null;
  return { start: a.start, end: closeMarkAfter(doc, b) };
}

/** A range ending at a token inside a quotation ends after its closing mark. */
function closeMarkAfter(doc: Doc, t: Token): number {
  const q = t.quote;
  if (q && q.closed && q.outer.end > t.end && /^[\s,.;:!?'"”’]*$/.test(doc.text.slice(t.end, q.outer.end))) return q.outer.end;
  return t.end;
}

/**
 * The words after the verb, when it takes them: "that C", "C", a quotation after a colon or comma; an addressee
 * ("told reporters") or an adjunct ("in a statement", "on Tuesday") before them is skipped. Null when the verb
 * only attributes ("…, she said on Tuesday.").
 */
function complement(doc: Doc, cue: Cue, from: number, limit: number): Range | null {
  const tokens = doc.tokens;
  let k = from;
  const at = (j: number): Token | undefined => (j <= limit ? tokens[j] : undefined);
  if (cue.frame === 'addressee') k = skipAddressee(doc, k, limit);
  // "promised Tamsin Arkwell that …", "warned them that …": a name or pronoun before "that" is the one addressed.
  else k = namedAddressee(doc, k, limit);
  const addressed = k > from;
  k = skipAdjuncts(doc, k, limit, addressed && cue.frame === 'addressee');
  // "told Tamsin Arkwell of the Ledger, that …": a stray comma before "that".
  if (isComma(at(k)) && !at(k)?.quote && lower(at(k + 1)) === 'that' && addressed) k++;
  const t = at(k);
  if (!t) return null;
  // "said and hung up", "said but left": the speaker's next act, not what was said.
  if (!t.quote && ['and', 'but', 'then'].includes(lower(t)) && ['VERB', 'AUX', 'ADV'].includes(at(k + 1)?.pos ?? '')) return null;
  // "told a man who …", "told a man passing by": more about the one addressed.
  if (addressed && !t.quote && (['who', 'whom', 'whose', 'which'].includes(lower(t)) || (t.pos === 'VERB' && /ing$/.test(lower(t))))) return null;
  if (lower(t) === 'that' && !t.quote) return tokensRange(doc, k + 1, contrastEnd(doc, k + 1, writerTailEnd(doc, k + 1, limit)));
  if ((t.text === ':' || isComma(t)) && at(k + 1)?.quote) return tokensRange(doc, k + 1, limit);
  if (t.text === ':' && at(k + 1)) return tokensRange(doc, k + 1, limit);
  // "responded, with a smile: “…”", "said, in a statement on Monday: “…”": an adjunct set off by a comma, then the quotation.
  if (isComma(t) && !t.quote) {
    const colon = colonBeforeQuote(doc, k + 1, limit);
    if (colon > k + 1 && isAdjunctTail(doc, k + 1, colon - 1)) return tokensRange(doc, colon + 1, limit);
  }
  // "said, without evidence, that …": an adjunct set off by commas, then "that".
  if (isComma(t) && !t.quote) {
    let close = k + 1;
    while (close <= Math.min(limit, k + 8) && !isComma(doc.tokens[close]) && !doc.tokens[close]?.quote) close++;
    if (isComma(doc.tokens[close]) && close > k + 1 && lower(at(close + 1)) === 'that' && !at(close + 1)?.quote && isAdjunctTail(doc, k + 1, close - 1)) return tokensRange(doc, close + 2, limit);
  }
  // "said, if elected, she would …": a conditional or time clause set off by commas opens what was said.
  if (isComma(t) && !t.quote && cue.frame === 'clause') {
    const aside = conditionalAside(doc, k + 1, limit);
    if (aside >= 0) return tokensRange(doc, k + 1, limit);
  }
  // "said in the spring, when the story broke, “…”": where and when, set off by commas, then the quotation.
  const aside = cue.frame === 'clause' ? quotationAfterAside(doc, k, limit) : -1;
  if (aside >= 0) return tokensRange(doc, aside, limit);
  if (t.pos === 'PUNCT' && !t.quote) return null;
  // "promised (not) to cut taxes": what was promised; "said to …" says where the words went.
  // Not in a relative clause ("X, who has long pledged to …" describes X's record).
  const to = lower(t) === 'not' && lower(at(k + 1)) === 'to' ? k + 1 : k;
  if (lower(at(to)) === 'to' && !t.quote && COMMITMENTS.has(cue.lemma) && at(to + 1)?.pos === 'VERB' && !inRelativeClause(doc, cue.first)) return tokensRange(doc, k, writerTailEnd(doc, k, limit));
  if (lower(t) === 'to' && cue.frame === 'clause') return null;
  // "reported earning $12 million", "disclosed between $5,000 and $15,000 in income": what a filing or an account gave.
  if (DISCLOSURES.has(cue.lemma) && disclosedAmount(doc, k, limit)) return tokensRange(doc, k, participleTailStart(doc, k, writerTailEnd(doc, k, limit)));
  // "complained about the tone of the race", "boasted of his deal": what the complaint or the boast was about.
  if (TOPIC_SPEECH.has(cue.lemma) && ['about', 'of'].includes(lower(t)) && !t.quote) return tokensRange(doc, k + 1, topicEnd(doc, k + 1, limit));
  if (t.pos === 'ADP' && !t.quote && cue.frame !== 'object' && !amountClause(doc, k, limit)) return null;
  if (t.pos === 'SCONJ' && !['whether', 'if', 'how', 'why', 'what'].includes(lower(t))) return null;
  // "said when asked …", "said as she left": an adverbial clause, not what was said.
  if (!t.quote && ['when', 'where', 'while', 'after', 'before', 'because', 'since', 'until', 'once'].includes(lower(t))) return null;
  // "said as she left" (a subject follows), not "said as many as 40 …".
  if (lower(t) === 'as' && ['PRON', 'DET', 'PROPN'].includes(doc.tokens[k + 1]?.pos ?? '') && lower(doc.tokens[k + 1]) !== 'many' && lower(doc.tokens[k + 1]) !== 'much') return null;
  // "said speaking to reporters" says how; "said having more time is a relief" has a clause whose subject is the -ing phrase.
  if (t.pos === 'VERB' && /ing$/.test(lower(t)) && cue.frame === 'clause' && !finiteVerbAhead(doc, k + 1, limit, true)) return null;
  if (limit - k < 1 && !t.quote) return null;
  return tokensRange(doc, k, contrastEnd(doc, k, writerTailEnd(doc, k, cue.frame === 'object' ? namingEnd(doc, k, limit) : limit)));
}

const CLAUSE_OPENERS = new Set(['if', 'unless', 'once', 'when', 'whenever', 'until', 'after', 'before']);

/**
 * "if elected, she would …", "once the vote is in, the council will …": a conditional or time clause at `from` closed by
 * a comma within a dozen words, then a clause with a subject and a finite verb. The index of that comma, else -1.
 */
function conditionalAside(doc: Doc, from: number, limit: number): number {
  if (!CLAUSE_OPENERS.has(lower(doc.tokens[from])) || doc.tokens[from]?.quote) return -1;
  for (let k = from + 1; k <= Math.min(limit, from + 12); k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || (t.pos === 'PUNCT' && !isComma(t))) return -1;
    if (!isComma(t)) continue;
    const subject = doc.tokens[k + 1];
    const opensClause = subject && !subject.quote && ['PRON', 'PROPN', 'DET', 'NOUN'].includes(subject.pos);
    return opensClause && finiteVerbAhead(doc, k + 2, limit) ? k : -1;
  }
  return -1;
}

/** The verb at `k` is a relative clause's ("who has pledged"). */
function inRelativeClause(doc: Doc, k: number): boolean {
  let j = k - 1;
  while (j >= 0 && ['AUX', 'ADV', 'PART'].includes(doc.tokens[j]?.pos ?? '')) j--;
  return ['who', 'which', 'that'].includes(lower(doc.tokens[j]));
}

/** "about half of the cost was …", "at least six planes flew …": a preposition of amount opening a clause. */
function amountClause(doc: Doc, k: number, limit: number): boolean {
  const bound = ['least', 'most'].includes(lower(doc.tokens[k + 1])) ? k + 2 : k + 1;
  return isAmount(doc.tokens[bound]) && finiteVerbAhead(doc, bound + 1, limit);
}

/** A number or a share ("about 40 people", "about half of them said"). */
function isAmount(t: Token | undefined): boolean {
  return t !== undefined && !t.quote && (t.pos === 'NUM' || ['half', 'third', 'quarter', 'dozen', 'dozens', 'hundreds', 'thousands', 'millions'].includes(lower(t)));
}

/**
 * A verb of a clause ahead, before any comma, quotation or subordinate opener: "said about half of the cost was
 * spent" and "said having more time is a relief" state something; "said about 40 times" and "said speaking to
 * reporters" do not. `auxOnly` asks for an auxiliary ("is", "was", "will"), the surest sign of a finite clause after
 * an -ing phrase.
 */
function finiteVerbAhead(doc: Doc, from: number, limit: number, auxOnly = false): boolean {
  for (let k = from; k <= limit; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || isComma(t) || t.pos === 'PUNCT' || t.pos === 'SCONJ' || ['that', 'who', 'which', 'where', 'when', 'while', 'as'].includes(lower(t))) return false;
    if (t.pos === 'AUX' && !['being', 'been', 'having'].includes(lower(t))) return true;
    if (!auxOnly && t.pos === 'VERB' && !/ing$/.test(lower(t))) return true;
  }
  return false;
}

/**
 * A standalone quotation opening right after a comma within a dozen words of the verb, with no "that", colon or
 * quotation before it: the index of its first token, else -1.
 */
function quotationAfterAside(doc: Doc, from: number, limit: number): number {
  for (let k = from; k <= Math.min(limit, from + 14); k++) {
    const t = doc.tokens[k];
    if (!t) return -1;
    if (t.quote) return t.quote.standalone && t.start === t.quote.outer.start && k > from && isComma(doc.tokens[k - 1]) ? k : -1;
    if (['that', ':'].includes(lower(t))) return -1;
  }
  return -1;
}

/** The first colon from `from` on, before any quotation, when a quotation follows it; else -1. */
function colonBeforeQuote(doc: Doc, from: number, limit: number): number {
  for (let k = from; k < limit; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote) return -1;
    if (t.text === ':') return doc.tokens[k + 1]?.quote ? k : -1;
  }
  return -1;
}

/**
 * "called the plan “a disgrace” and accused her of …", "dubbed it “a farce,” linking to …": once a quoted name has
 * closed, a verb joined by "and"/"but" or a participle is the speaker's next act, not more of the name.
 */
function namingEnd(doc: Doc, from: number, limit: number): number {
  for (let k = from + 1; k <= limit; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || !doc.tokens[k - 1]?.quote) continue;
    // The comma may stand inside the closing mark (“a farce,” linking …).
    const j = isComma(t) ? k + 1 : k;
    const setOff = j > k || isComma(doc.tokens[k - 2]);
    const word = doc.tokens[j];
    const next = doc.tokens[j + 1];
    if (['and', 'but'].includes(lower(word)) && next?.pos === 'VERB' && !next.quote) return k - 1;
    if (word?.pos === 'VERB' && /ing$/.test(lower(word)) && setOff) return k - 1;
  }
  return limit;
}

/** After a name or an object pronoun followed by "that", the index of "that"; else `k`. */
function namedAddressee(doc: Doc, k: number, limit: number): number {
  const t = doc.tokens[k];
  if (!t || t.quote || k > limit) return k;
  if (t.pos === 'PRON' && ['me', 'us', 'him', 'them', 'you'].includes(lower(t))) return lower(doc.tokens[k + 1]) === 'that' ? k + 1 : k;
  let j = k;
  while (j <= limit && doc.tokens[j]?.pos === 'PROPN' && !doc.tokens[j]?.quote && /^\p{Lu}/u.test(doc.tokens[j]?.text ?? '')) j++;
  return j > k && j - k <= 4 && lower(doc.tokens[j]) === 'that' ? j : k;
}

/** "told reporters", "told the Daily Ledger", "assured voters": the one addressed. */
function skipAddressee(doc: Doc, k: number, limit: number): number {
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
function skipAdjuncts(doc: Doc, from: number, limit: number, clauseFollows = false): number {
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

/** The last token before ", making …" (a comma and a participle that comments on the clause), else `last`. */
function participleTailStart(doc: Doc, from: number, last: number): number {
  for (let k = from + 1; k < last; k++) {
    const next = doc.tokens[k + 1];
    if (isComma(doc.tokens[k]) && !doc.tokens[k]?.quote && next && !next.quote && next.pos === 'VERB' && /ing$/.test(lower(next))) return k - 1;
  }
  return last;
}

/** Verbs whose "about"/"of" phrase is what was said: a complaint, a boast, a joke, a warning. */
const TOPIC_SPEECH = new Set(['complain', 'boast', 'brag', 'joke', 'warn', 'lament']);

/** The last token of the topic after "about"/"of": before a comma, a semicolon, a colon, a dash, or "but"/"and" and a verb. */
function topicEnd(doc: Doc, from: number, limit: number): number {
  for (let k = from + 1; k <= limit; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote) continue;
    const joinsVerb = ['but', 'and'].includes(lower(t)) && ['VERB', 'AUX', 'ADV'].includes(doc.tokens[k + 1]?.pos ?? '');
    if (isComma(t) || [';', ':'].includes(t.text) || anyDash(doc, k) || joinsVerb) return k - 1;
  }
  return limit;
}

/** Verbs by which someone gives figures of their own ("reported earning …", "disclosed between …"). */
const DISCLOSURES = new Set(['report', 'disclose']);

/**
 * A gerund of having or gaining money ("having $3 million", "earning", "raising") or "between" and an amount, at `k`:
 * what a report or disclosure gave.
 */
function disclosedAmount(doc: Doc, k: number, limit: number): boolean {
  const t = doc.tokens[k];
  if (!t || t.quote || k >= limit) return false;
  if (t.pos === 'VERB' && /ing$/.test(lower(t))) return ['have', 'earn', 'raise', 'spend', 'owe', 'receive', 'make', 'lose', 'give', 'pay'].includes(t.lemma);
  if (lower(t) !== 'between') return false;
  const first = doc.tokens[k + 1]?.text === '$' ? k + 2 : k + 1;
  return isAmount(doc.tokens[first]);
}

/** "in ’08": a year with its century left out (a mark of any face right before two digits); the index of the digits, else -1. */
function elidedYear(doc: Doc, k: number): number {
  const mark = doc.tokens[k];
  const digits = doc.tokens[k + 1];
  if (!mark || !digits || !/^['‘’]$/.test(mark.text) || mark.end !== digits.start || !/^\d\d$/.test(digits.text)) return -1;
  return k + 1;
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

/**
 * The attribution clause's own words after the verb, up to the next comma ("said on Tuesday in Brenwick"). A dash
 * and a noun phrase end them too: "…, she said on Tuesday — a reversal of …" sets off a remark on what was said.
 */
function attributionTail(doc: Doc, from: number, limit: number): number {
  let k = from;
  while (k + 1 <= limit && !isComma(doc.tokens[k + 1]) && !doc.tokens[k + 1]?.quote && doc.tokens[k + 1]?.text !== ':' && !remarkDash(doc, k + 1)) k++;
  return k;
}

/** A dash at `k` that opens a noun phrase ("— a reversal of …", "-- an apparent shift"), not a clause ("- but they …"). */
function remarkDash(doc: Doc, k: number): boolean {
  if (!anyDash(doc, k)) return false;
  const next = doc.tokens[doc.tokens[k + 1]?.text === '-' ? k + 2 : k + 1];
  return next !== undefined && !next.quote && next.pos === 'DET' && ['a', 'an', 'the', 'another'].includes(lower(next));
}

/**
 * After an attribution set in the middle of a sentence, the statement goes on: "It is no surprise, she said,
 * that …", "“A,” she said, “B.”". Narration ("…, she said, before leaving") does not.
 */
function continuation(doc: Doc, from: number, limit: number, quotedOnly = false): Range | null {
  let k = from;
  while (k <= limit && (isComma(doc.tokens[k]) || doc.tokens[k]?.text === ':')) k++;
  const t = doc.tokens[k];
  if (!t || k > limit) return null;
  if (t.quote) return tokensRange(doc, k, limit);
  if (quotedOnly) return null;
  if (NARRATION_OPENERS.has(lower(t)) || t.pos === 'ADP' || t.pos === 'SCONJ' && lower(t) !== 'that' || (t.pos === 'VERB' && /ing$/.test(lower(t))) || t.pos === 'PUNCT') return null;
  if (limit - k < 2) return null;
  return tokensRange(doc, lower(t) === 'that' ? k + 1 : k, limit);
}

type Maker = (parts: Range[], src: SourcePhrase | null, inherits: Statement | null, form: StatementForm) => Statement | null;

/** "According to S, C", "C, according to S", "C, according to S, C". */
function according(doc: Doc, cue: Cue, sentence: Sentence, make: Maker): Statement | null {
  const head = phraseStartingAt(doc, cue.last + 1, sentence.last);
  if (!head) return null;
  const appositions: Span[] = [];
  let end = head.last;
  while (isComma(doc.tokens[end + 1])) {
    const segEnd = nextComma(doc, end + 2, sentence.last);
    const seg = { first: end + 2, last: segEnd };
    // An apposition after "according to S" is closed by a comma: the content follows it.
    if (seg.last < seg.first || !isDescription(doc, seg) || !isComma(doc.tokens[segEnd + 1])) break;
    appositions.push(seg);
    end = segEnd;
  }
  // "according to the agency on Monday," — words up to the comma without a verb of their own still attribute.
  const comma = nextComma(doc, end + 1, sentence.last);
  if (comma > end && comma < sentence.last && isAdjunctTail(doc, end + 1, comma)) end = comma;
  const source: SourcePhrase = { head, appositions, inverted: true };
  // "Also according to S, C": an adverb or a conjunction alone before it says nothing.
  const beforeLast = boundaryBefore(doc, cue.first);
  // "… (C, according to S)": inside brackets, S credits only what the brackets hold.
  const beforeFirst = openBracketBefore(doc, sentence.first, cue.first) ?? sentence.first;
  const saysSomething = doc.tokens.slice(beforeFirst, beforeLast + 1).some((t) => t.quote || !['ADV', 'CCONJ', 'PUNCT'].includes(t.pos));
  const beforePart = saysSomething ? tokensRange(doc, beforeFirst, beforeLast) : null;
  // "According to S" scopes over the whole clause after it, statements inside it included.
  const afterPart = isComma(doc.tokens[end + 1]) ? tokensRange(doc, firstWord(doc, end + 1, sentence.last), sentence.last) : null;
  const parts = [beforePart, afterPart].filter((p): p is Range => p !== null);
  return parts.length > 0 ? make(parts, source, null, 'according') : null;
}

/** The first token after a "(" left open between `first` and `before` (a bracket closed again is skipped), or null. */
function openBracketBefore(doc: Doc, first: number, before: number): number | null {
  let depth = 0;
  for (let k = before - 1; k >= first; k--) {
    const t = doc.tokens[k]?.text;
    if (t === ')') depth++;
    else if (t === '(' && depth-- === 0) return k + 1;
  }
  return null;
}

function firstWord(doc: Doc, from: number, limit: number): number {
  let k = from;
  while (k <= limit && (doc.tokens[k]?.pos === 'PUNCT' && !doc.tokens[k]?.quote)) k++;
  return k;
}

/** Trims a content piece: spaces, a trailing stop or comma outside a quotation, the marks of a whole quotation. */
function trimContent(doc: Doc, range: Range): Range {
  const text = doc.text;
  let { start, end } = trimRange(text, range);
  // An invisible format character (a direction mark pasted from a post) before the words is none of them.
  while (start < end && /\p{Cf}/u.test(text[start] ?? '')) start++;
  const whole = wholeQuotation(doc, { start, end });
  if (whole) return quotedWords(text, whole);
  // "said X and declined to comment further": what the speaker did next, not what they said.
  const declined = DECLINED_TAIL.exec(text.slice(start, end)) ?? (PRONOUN_OPENING.test(text.slice(start, end)) ? null : COURTESY_TAIL.exec(text.slice(start, end)));
  if (declined && !doc.tokens.some((t) => t.quote && t.start >= start + declined.index && t.start < end)) end = start + declined.index;
  // "said X, echoing a memo from …": how the words relate to someone else's is the writer's remark, not more of them.
  const echo = ECHO_TAIL.exec(text.slice(start, end));
  if (echo && !doc.tokens.some((t) => t.quote && t.start >= start + echo.index && t.start < end)) end = start + echo.index;
  end = narrationAfterQuote(doc, start, end);
  // A final stop stays when it is part of a quotation (one left open to the paragraph's end included).
  const quoted = (at: number): boolean => [...quotationsAround(doc.quotations, at)].some((q) => at < (q.closed ? q.outer.end - 1 : q.outer.end));
  while (end > start && /[\s.,;:—–-]/.test(text[end - 1] ?? '') && !(text[end - 1] === '.' && quoted(end - 1))) end--;
  while (start < end && /[\s,;:—–-]/.test(text[start] ?? '')) start++;
  return { start, end };
}

/**
 * "said the manager had left and thanked him": a courtesy after a clause about someone else is the speaker's own act;
 * after "said it had erred and apologised" the clause's own subject (the speaker) still acts.
 */
const COURTESY_TAIL = /,?\s+and\s+(?:thanked|praised|wished|welcomed|congratulated)\b/;
const ECHO_TAIL = /,\s+(?:echoing|mirroring|contradicting)\s+(?:a|an|the|his|her|their|its|earlier|remarks|comments)\b/;
const PRONOUN_OPENING = /^(?:it|we|i|he|she|they)\b/i;
const DECLINED_TAIL = /,?\s+(?:and|but)\s+(?:(?:declined|refused)\s+to\s+(?:comment|elaborate|say|give|discuss|answer|respond|confirm|name|provide)|(?:did|would)\s+not\s+(?:comment|elaborate|say))\b/;

/**
 * "said he was “tired” — a rare admission", "said she felt “ready,” which surprised many", "said it was “close” but
 * did not say more": once the speaker's quoted words have closed, a dash, a "which" clause or a subjectless "but"
 * with a verb is the writer's comment or the speaker's next act, not more of what was said.
 */
const NARRATION_AFTER_QUOTE = /^[^\n“”"‘’]*?(?=\s*(?:[—–]|\s--\s)|,?\s+which\s|,?\s+(?:as|until|when|after|while)\s+(?:he|she|they|it|we|i|the|asked|his|her|their)\b|,?\s+but\s+(?:did|does|do|would|could|was|were|has|had|also|then|declined|refused|stopped)\b)/;

function narrationAfterQuote(doc: Doc, start: number, end: number): number {
  let close = -1;
  for (const q of doc.quotations) if (q.closed && q.outer.end > start && q.outer.end < end && q.outer.start >= start) close = Math.max(close, q.outer.end);
  if (close < 0) return end;
  const cut = NARRATION_AFTER_QUOTE.exec(doc.text.slice(close, end));
  return cut && close + cut[0].length < end ? close + cut[0].length : end;
}

/** The adverbial subordinators, and "if": what may open a sentence before its main clause. */
const OPENING_SUBORDINATORS = new Set([...ADVERBIAL_SUBORDINATORS, 'if']);

/**
 * "As Tamsin Arkwell announced that the plan was ready, the council met": in a clause opening the sentence with "as",
 * "when", …, what was said ends at the comma before the main clause.
 */
function mainClauseBefore(doc: Doc, range: Range, source: SourcePhrase, sentence: Sentence): Range {
  const opener = doc.tokens[sourceStart(source) - 1];
  if (source.inverted || !opener || opener.i !== firstWordIndex(doc, sentence) || !OPENING_SUBORDINATORS.has(lower(opener))) return range;
  const first = tokenStartingAt(doc, range.start);
  if (!first || first.quote) return range;
  for (let k = first.i + 1; (doc.tokens[k]?.end ?? Infinity) < range.end; k++) {
    const t = doc.tokens[k];
    if (!t || t.quote || !isComma(t)) continue;
    const next = doc.tokens[k + 1];
    if (next && !next.quote && ['PRON', 'DET', 'PROPN', 'NOUN'].includes(next.pos) && finiteVerbAhead(doc, k + 2, sentence.last)) return { start: range.start, end: doc.tokens[k - 1]?.end ?? range.end };
  }
  return range;
}

/** The quotation a piece consists of, marks included, if it is exactly one. */
function wholeQuotation(doc: Doc, range: Range): Quotation | null {
  for (const q of doc.quotations) {
    if (q.outer.start !== range.start) continue;
    const rest = doc.text.slice(q.outer.end, range.end);
    if (/^[\s.,;:!?]*$/.test(rest)) return q;
  }
  return null;
}

function isQuotePart(doc: Doc, range: Range): boolean {
  return [...quotationsAround(doc.quotations, range.start, true)].some((q) => q.standalone && q.inner.start <= range.start && range.end <= q.outer.end);
}

/** "…, the Ledger reports.": a name set off by a comma, then "reports" (news telling news), then the sentence's end. */
function closingReporter(doc: Doc, cue: Cue, source: SourcePhrase, clauseStart: number, sentence: Sentence): boolean {
  const comma = doc.tokens[clauseStart - 1];
  const end = doc.tokens[cue.last + 1];
  const named = doc.tokens[source.head.last]?.pos === 'PROPN';
  return !source.inverted && named && cue.kind === 'verb' && cue.lemma === 'report' && comma?.text === ',' && !comma.quote && cue.last + 1 >= sentence.last && (end === undefined || end.text === '.');
}
