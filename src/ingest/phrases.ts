import type { Doc, Token } from './document.js';

/**
 * Noun phrases by part of speech: the geometry the attribution stage needs — where the phrase before a verb
 * begins ("the economist Tamsin Arkwell, a former adviser, said"), where the one after it ends ("said Tamsin Arkwell, …").
 */

export interface Span {
  first: number;
  last: number;
}

const NOUNISH = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
const MODIFIER = new Set(['ADJ', 'DET', 'NUM', 'PROPN', 'NOUN']);
/** Prepositions that stay inside a description ("spokesman for the campaign", "Arkwell of the Varnholm Group"). */
const INNER_PREPOSITIONS = new Set(['of', 'for', 'at', 'from', 'to', 'with']);
const NAME_PUNCTUATION = new Set(['.', '-', '&', "'", '’', '–']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you', 'who', 'which', 'that', 'one', 'this', 'those', 'some', 'many', 'others', 'both', 'all', 'most', 'none']);
const OBJECT_PRONOUNS = new Set(['me', 'us', 'him', 'her', 'them', 'you', 'it']);
const RELATIVES = new Set(['who', 'which', 'whose', 'whom', 'that']);

export const isComma = (t: Token | undefined): boolean => t?.text === ',';
const lower = (t: Token | undefined): string => (t?.text ?? '').toLowerCase();

/** A token that can sit inside a noun phrase. */
function inPhrase(t: Token | undefined, next: Token | undefined): boolean {
  if (!t || t.quote) return false;
  // "said in a statement that …": "that" opens a clause, whatever the tagger calls it.
  if (RELATIVES.has(lower(t))) return false;
  if (MODIFIER.has(t.pos)) return true;
  // A capitalised word inside a phrase is a name whatever the tagger guessed ("Tamsin/VERB Dunmere").
  if (/^\p{Lu}\p{Ll}/u.test(t.text) && t.text !== 'I' && t.pos !== 'PRON' && t.pos !== 'DET' && t.pos !== 'ADP' && t.pos !== 'CCONJ' && t.pos !== 'SCONJ') return true;
  if (t.pos === 'PRON') return POSSESSIVE_PRONOUNS.has(lower(t));
  if (t.pos === 'PART') return /^['’]s?$/.test(t.text);
  if (t.pos === 'PUNCT' || t.pos === 'SYM') return NAME_PUNCTUATION.has(t.text) && next !== undefined && next.pos !== 'PUNCT';
  if (t.pos === 'ADP') return INNER_PREPOSITIONS.has(lower(t));
  if (t.pos === 'CCONJ') return lower(t) === 'and' || t.text === '&';
  // "its managing director", "a Democratic-leaning group": a participle before a noun describes it.
  if (t.pos === 'VERB') return /(?:ing|ed)$/.test(lower(t)) && next !== undefined && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ');
  // "the Democratic-leaning", "a broker based in" are kept by the caller's segment rules, not here.
  return false;
}

/**
 * The noun phrase ending at `end` (walking left within the sentence), or null. A personal pronoun is a phrase
 * by itself; a preposition or "and" stays inside only between nouns.
 */
export function phraseEndingAt(doc: Doc, end: number, floor: number): Span | null {
  const tokens = doc.tokens;
  const last = tokens[end];
  if (!last || end < floor || last.quote) return null;
  if (last.text === ')') {
    const open = findBack(doc, end, '(', floor);
    if (open < 0) return null;
    const head = phraseEndingAt(doc, open - 1, floor);
    return head ? { first: head.first, last: end } : null;
  }
  if (last.pos === 'PRON' && SUBJECT_PRONOUNS.has(lower(last))) return { first: end, last: end };
  // "those surveyed", "those polled": the people a participle describes.
  if (last.pos === 'VERB' && /ed$/.test(lower(last)) && ['those', 'people', 'voters'].includes(lower(tokens[end - 1])) && end - 1 >= floor) return { first: end - 1, last: end };
  // A phrase ends with a noun or a name; an "adjective" after a noun or determiner is a noun mis-tagged ("farm cooperative").
  const nounLike = last.pos === 'ADJ' && ['NOUN', 'ADJ', 'DET'].includes(tokens[end - 1]?.pos ?? '') && end - 1 >= floor;
  if (!NOUNISH.has(last.pos) && !nounLike && !/^\p{Lu}\p{Ll}/u.test(last.text) && !(last.pos === 'PUNCT' && last.text === '.')) return null;
  let first = end;
  while (first - 1 >= floor) {
    const t = tokens[first - 1];
    const right = tokens[first];
    if (!t || !inPhrase(t, right)) break;
    // An adjective after a verb is said of the subject ("was steep for the mayor"), not part of a phrase ("people close to").
    const predicative = tokens[first - 2]?.pos === 'ADJ' && ['AUX', 'VERB'].includes(tokens[first - 3]?.pos ?? '');
    if ((t.pos === 'ADP' || t.pos === 'CCONJ') && (!(NOUNISH.has(tokens[first - 2]?.pos ?? '') || tokens[first - 2]?.pos === 'ADJ') || predicative)) break;
    if (t.pos === 'VERB' && finiteAfterSubject(doc, first - 1, floor)) break;
    first--;
    // A determiner or a possessive pronoun opens its phrase ("a pledge | her party"), unless a preposition or
    // "and" joins it to more ("people close to the campaign").
    const previous = tokens[first - 1];
    if ((t.pos === 'DET' || POSSESSIVE_PRONOUNS.has(lower(t))) && !(previous?.pos === 'ADP' && INNER_PREPOSITIONS.has(lower(previous))) && lower(previous) !== 'and') break;
  }
  // A phrase starts at a noun or modifier, never at "of" or "and".
  while (first < end && ['ADP', 'CCONJ', 'PART', 'PUNCT'].includes(tokens[first]?.pos ?? '')) first++;
  return { first, last: end };
}

/**
 * "Arkwell sharply rebuked critics", "the mayor, a planner, released data": an "-ed" word after a name, a pronoun or a
 * comma (adverbs between) is the clause's verb, not a participle describing the noun after it ("a newly formed group").
 */
function finiteAfterSubject(doc: Doc, at: number, floor: number): boolean {
  let j = at - 1;
  while (j >= floor && doc.tokens[j]?.pos === 'ADV' && !doc.tokens[j]?.quote) j--;
  const t = doc.tokens[j];
  if (j < floor || !t || t.quote) return false;
  return t.pos === 'PROPN' || isComma(t) || (t.pos === 'PRON' && !POSSESSIVE_PRONOUNS.has(lower(t)));
}

/** The noun phrase starting at `start` (walking right), or null. */
export function phraseStartingAt(doc: Doc, start: number, ceiling: number): Span | null {
  const tokens = doc.tokens;
  const t0 = tokens[start];
  if (!t0 || start > ceiling || t0.quote) return null;
  if (t0.pos === 'PRON' && (SUBJECT_PRONOUNS.has(lower(t0)) || OBJECT_PRONOUNS.has(lower(t0)))) return { first: start, last: start };
  let last = start - 1;
  while (last + 1 <= ceiling) {
    const t = tokens[last + 1];
    if (!t) break;
    if (t.text === '(') {
      const close = findForward(doc, last + 1, ')', ceiling);
      if (close < 0) break;
      last = close;
      continue;
    }
    if (!inPhrase(t, tokens[last + 2])) break;
    if ((t.pos === 'ADP' || t.pos === 'CCONJ') && !inPhrase(tokens[last + 2], tokens[last + 3])) break;
    last++;
  }
  while (last >= start && ['ADP', 'CCONJ', 'DET', 'PUNCT', 'PART'].includes(tokens[last]?.pos ?? '') && tokens[last]?.text !== ')' && !/^\p{Lu}\.$/u.test(tokens[last]?.text ?? '')) last--;
  if (last < start) return null;
  const span = tokens.slice(start, last + 1);
  return span.some((t) => NOUNISH.has(t.pos)) ? { first: start, last } : null;
}

function findBack(doc: Doc, from: number, text: string, floor: number): number {
  for (let k = from; k >= floor; k--) if (doc.tokens[k]?.text === text) return k;
  return -1;
}

function findForward(doc: Doc, from: number, text: string, ceiling: number): number {
  for (let k = from; k <= ceiling; k++) if (doc.tokens[k]?.text === text) return k;
  return -1;
}

/** Top-level comma-separated segments of [first, last] (commas inside brackets do not count). */
export function commaSegments(doc: Doc, first: number, last: number): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let start = first;
  for (let k = first; k <= last; k++) {
    const t = doc.tokens[k];
    if (t?.text === '(') depth++;
    else if (t?.text === ')') depth = Math.max(0, depth - 1);
    else if (isComma(t) && depth === 0 && !t?.quote) {
      if (k > start) out.push({ first: start, last: k - 1 });
      start = k + 1;
    }
  }
  if (start <= last) out.push({ first: start, last });
  return out;
}

/**
 * A segment that describes someone rather than states something: "a former adviser to the campaign",
 * "who has advised three governors", "69", "the party's chairman", "an economist based in Brenwick".
 * Finite verbs may appear only inside a relative clause; participles ("based", "working") are fine.
 */
export function isDescription(doc: Doc, span: Span): boolean {
  const tokens = doc.tokens.slice(span.first, span.last + 1);
  const first = tokens[0];
  if (!first || tokens.length > 30) return false;
  if (RELATIVES.has(lower(first)) && first.text.toLowerCase() !== 'that') return true;
  // "including Tamsin Arkwell", "along with two aides", "now a lobbyist": a parenthesis about the same people.
  if (['including', 'along', 'such', 'especially', 'particularly', 'notably', 'now', 'then', 'formerly', 'like', 'both'].includes(lower(first)) && tokens.length > 1) return true;
  if (tokens.length === 1 && first.pos === 'NUM') return true; // an age
  // A capitalised word inside a sentence is a name, whatever its tag; a sentence's first word is capitalised anyway.
  const capitalised = (t: Token): boolean => /^\p{Lu}\p{Ll}/u.test(t.text) && doc.sentences[t.sentence]?.first !== t.i;
  // "of the University of Brenwick", "speaking to reporters", "based in Brenwick": where someone is from or what they did.
  const provenance = ['of', 'from'].includes(lower(first)) && tokens.length > 1;
  // "struck by the story", "clad in red": an irregular past participle is known by the preposition after it.
  const irregular = first.pos === 'VERB' && first.lemma !== lower(first) && !/s$/.test(lower(first)) && tokens[1]?.pos === 'ADP';
  const participle = first.pos === 'VERB' && (/(?:ing|ed)$/.test(lower(first)) || irregular) && lower(first) !== 'according' && tokens.length > 1;
  // "clad in …", "dressed in …": a participle (or one tagged as an adjective) with its preposition says how someone looked.
  const worn = (irregular || (first.pos === 'ADJ' && /(?:ed|ad)$/.test(lower(first)))) && tokens[1]?.pos === 'ADP' && lower(tokens[1]) === 'in';
  // "clearly upset", "visibly tired": a state, with no verb and no noun of its own.
  const state = tokens.at(-1);
  const adverbs = tokens.slice(0, -1).every((t) => t.pos === 'ADV');
  if (state && adverbs && tokens.length <= 3 && (state.pos === 'ADJ' || (state.pos === 'VERB' && tokens.length > 1))) return true;
  if (!capitalised(first) && !provenance && !participle && ['ADP', 'SCONJ', 'ADV', 'CCONJ', 'AUX', 'VERB'].includes(first.pos)) return false;
  if (first.pos === 'PRON' && !POSSESSIVE_PRONOUNS.has(lower(first))) return false;
  // "the minister of finance at the time the tax was introduced": past a noun and its preposition, a verb is in a
  // clause that qualifies the description.
  let qualified = false;
  for (const t of tokens) {
    if (RELATIVES.has(lower(t)) && t !== first) return true;
    if (t.quote) {
      if (isQuotedTitle(doc, t)) continue;
      return false;
    }
    if (capitalised(t)) continue;
    // "clad in a red cape with lights that spell …": past a participle and its preposition, likewise.
    if (t.pos === 'ADP' && (first.pos === 'DET' || worn) && t !== first) qualified = true;
    if (qualified) continue;
    if (t.pos === 'AUX') return false;
    if (t.pos === 'VERB' && !/(?:ed|ing|en)$/.test(lower(t)) && !(irregular && t === first)) return false;
  }
  // "a longtime liberal", "a staunch conservative": an adjective standing for a person after "a".
  const nominal = ['a', 'an'].includes(lower(first)) && tokens.length <= 4 && tokens.at(-1)?.pos === 'ADJ' && tokens.slice(1).every((t) => t.pos === 'ADJ' || t.pos === 'ADV');
  return nominal || tokens.some((t) => NOUNISH.has(t.pos));
}

/**
 * A few capitalised words in quotation marks inside a phrase (a book's title after "the author of", a slogan on the
 * buttons someone wears) are part of that phrase, not words someone said.
 */
export function isQuotedTitle(doc: Doc, t: Token): boolean {
  const quote = t.quote;
  if (!quote) return false;
  let first = t.i;
  while (doc.tokens[first - 1]?.quote === quote) first--;
  let last = t.i;
  while (doc.tokens[last + 1]?.quote === quote && last - first < 12) last++;
  const words = doc.tokens.slice(first, last + 1).filter((w) => /[\p{L}\p{N}]/u.test(w.text));
  const before = doc.tokens[first - 1];
  return words.length > 0 && words.length <= 5 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w.text))
    && before !== undefined && !before.quote && before.sentence === t.sentence && /^\p{Ll}/u.test(before.text);
}

/** Words that set a time, not a speaker: "said Tuesday", "said last week". */
export const TIME_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow morning afternoon evening night week month year weekend earlier later recently'.split(' '),
);

export { lower, RELATIVES, SUBJECT_PRONOUNS, NOUNISH };
