import { STOPWORDS } from '../text/stopwords.js';
import { ABOUT_WORDS, ANYONE, ARTICLE_WORDS, AUXILIARIES, FILLER, SPEECH_NOUNS, SPEECH_WORDS, TELL_ME_ABOUT_IDIOM, WH_WORDS } from './lexicon.js';
import { MAX_QUESTION_CHARS } from './limits.js';
import { RecentMemo } from './recent-memo.js';
import { tokenize, type Token } from '../text/tokens.js';
import { foldText } from '../text/words.js';


/** A chat mention of the bot at the start: Discord's "<@123>" or a typed "@ArticleBot". */
const MENTION = /^\s*(?:<@[!&]?\d+>|@[\p{L}\p{N}_.-]+)[\s,:]*/u;

/** Ways people type the wh-words in chat. */
const CHAT_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['wat', 'what'],
  ['wut', 'what'],
  ['wht', 'what'],
  ['waht', 'what'],
  ['whta', 'what'],
  ['y', 'why'],
  ['abt', 'about'],
  ['bout', 'about'],
  ['u', 'you'],
  ['r', 'are'],
  ['pls', 'please'],
  ['plz', 'please'],
]);

/** Verbs of a polite frame around the real question ("can you tell me who …", "do you know when …"). */
const ASKING_VERBS = new Set(['tell', 'know', 'say', 'explain', 'show', 'give', 'find', 'remember', 'recall']);

/** Words that end a speaker's name before what follows ("what did X say *ever* about"). */
const SLOT_ADVERBS = new Set(['ever', 'also', 'actually', 'really', 'just', 'even', 'exactly', 'specifically', 'publicly', 'first', 'later', 'then', 'once', 'recently']);

/** Determiners before a noun: "the talks" is a subject, not a verb of speech. */
const DETERMINERS = new Set(['the', 'a', 'an', 'these', 'those', 'this', 'that', 'any', 'some', 'his', 'her', 'their', 'its', 'our', 'my', 'your']);

/** One word of the question, with what the reader needs to know about it. */
export interface QuestionWord extends Token {
  /** Index in `words`. */
  at: number;
  /** Before the clause the question is in ("hey so I live near there, did anyone …"). */
  preamble: boolean;
  /** Inside the asker's quotation marks. */
  quoted: boolean;
}

/**
 * A question read without any article: its words, its wh-word, where a speaker would stand, and
 * what it quotes. Everything here is a soft feature: the answer types and the ranking weigh them.
 */
export interface QuestionText {
  /** The question as asked, cut to MAX_QUESTION_CHARS. */
  text: string;
  words: QuestionWord[];
  /** The wh-word that opens the question proper ("what", "who", …), if any. */
  wh: string | null;
  /** Position of the wh-word in `words`, or of the first word of the question proper. */
  coreAt: number;
  /** The question proper opens with an auxiliary: a yes/no question ("did anyone …", "is there …"). */
  yesNo: boolean;
  /** Words (positions) where a speaker stands: "what did [the union] say", "[Okoye]'s take". */
  slot: number[];
  /** The slot is a guess from word order alone ("okoye on the levy"): if it names nobody, its words are content. */
  softSlot: boolean;
  /** The speech word that makes `slot` a speaker slot, if any. */
  speechAt: number;
  /** The asker's quoted words, folded, if any. */
  quoted: string;
  /** Every word is filler or punctuation: nothing is asked. */
  empty: boolean;
  /** Words that carry meaning: not function words, filler, "about", auxiliaries, or words for the article itself. */
  meaningful: readonly string[];
}

/** The router and every article's engine read the same question: the latest few are kept read. */
const recent = new RecentMemo<string, QuestionText>(8);

export function readQuestion(rawQuestion: string): QuestionText {
  return recent.remember(rawQuestion.slice(0, MAX_QUESTION_CHARS), read);
}

function read(text: string): QuestionText {
  const unmentioned = text.replace(MENTION, '');
  const idiom = TELL_ME_ABOUT_IDIOM.exec(unmentioned);
  // The idiom's words are replaced by spaces, so every offset still points into the question as typed.
  const stripped = idiom ? `tell about${' '.repeat(idiom[0].length - 10)}${unmentioned.slice(idiom[0].length)}` : unmentioned;
  const offset = text.length - unmentioned.length;
  const tokens: Token[] = [];
  for (const t of tokenize(stripped)) {
    const chat = CHAT_SPELLINGS.get(t.word);
    const token = chat ? asWord(t, chat) : t;
    const last = tokens.at(-1);
    if (last?.word === 'which' && ANYONE.has(token.word) && token.word !== 'one') {
      // "which guy from the ministry said …" asks who: the noun says only that a person is wanted.
      tokens[tokens.length - 1] = { ...asWord(last, 'who'), end: token.end };
      continue;
    }
    if (CONTRACTED_WH.has(token.word)) {
      // "who's", "what's", "whos": the s is "is", not a possessive.
      tokens.push(asWord(token, token.word.slice(0, -1)), asWord(token, 'is'));
    } else if (token.possessive && WH_WORDS.has(token.word)) {
      tokens.push(asWord(token, token.word), asWord(token, 'is'));
    } else tokens.push(token);
  }
  const quotedSpan = quotedRange(stripped);
  const breaks = clauseBreaks(stripped);
  const coreStart = questionProper(tokens, breaks);
  const list: QuestionWord[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const t = tokens[at] as Token;
    const quoted = quotedSpan !== null && t.start >= quotedSpan.start && t.end <= quotedSpan.end;
    // Written out rather than spread: this runs for every word of every question.
    list.push({ word: t.word, stem: t.stem, start: t.start + offset, end: t.end + offset, capital: t.capital, possessive: t.possessive, at, preamble: at < coreStart, quoted });
  }
  const core = list.slice(coreStart);
  const first = core[0];
  const wh = first && WH_WORDS.has(first.word) ? first.word : null;
  const yesNo = first !== undefined && AUXILIARIES.has(first.word);
  const { slot, speechAt, soft } = speakerSlot(list, coreStart);
  const quoted = quotedSpan ? foldText(stripped.slice(quotedSpan.start, quotedSpan.end)) : '';
  const empty = list.every((w) => FILLER.has(w.word));
  const meaningful = list.filter((w) => !STOPWORDS.has(w.word) && !FILLER.has(w.word) && !ABOUT_WORDS.has(w.word) && !ARTICLE_WORDS.has(w.word) && !AUXILIARIES.has(w.word)).map((w) => w.word);
  return { text, words: list, wh, coreAt: coreStart, yesNo, slot, softSlot: soft === true, speechAt, quoted, empty, meaningful };
}

/** "whos", "whats" (typed without the apostrophe, or "who's" read as one word): a wh-word and "is". */
const CONTRACTED_WH: ReadonlySet<string> = new Set(['whos', 'whats', 'wheres', 'whens', 'hows']);

/** The token as another word (its stem the word itself: chat spellings and wh-words are their own stems), not possessive. */
function asWord(token: Token, word: string): Token {
  const is = word === 'is';
  return { word, stem: word, start: token.start, end: token.end, capital: is ? false : token.capital, possessive: false };
}

/** The asker's own quotation: text between quotation marks, or between single quotes at word edges. */
function quotedRange(text: string): { start: number; end: number } | null {
  const double = /["\u201C\u201D\u201E]([^"\u201C\u201D\u201E]{3,})["\u201C\u201D\u201E]/u.exec(text);
  if (double) return { start: double.index + 1, end: double.index + 1 + (double[1]?.length ?? 0) };
  const single = /(?:^|\s)['\u2018]([^'\u2018\u2019]{3,})['\u2019](?=\s|$|[?.!,])/u.exec(text);
  if (single) {
    const start = single.index + single[0].indexOf(single[1] ?? '');
    return { start, end: start + (single[1]?.length ?? 0) };
  }
  return null;
}

/** Offsets where a clause ends: a comma, semicolon, colon, dash or sentence end. */
function clauseBreaks(text: string): number[] {
  const out: number[] = [];
  CLAUSE_BREAK.lastIndex = 0;
  for (let match = CLAUSE_BREAK.exec(text); match !== null; match = CLAUSE_BREAK.exec(text)) out.push(match.index);
  return out;
}

const CLAUSE_BREAK = /[,;:.!?\u2014\u2013]|\s-\s/g;

/**
 * Where the question proper starts: after greetings and chatter, at the first clause that opens
 * with a wh-word or an auxiliary ("yo so I read this, did anyone …"), else at the first wh-word.
 */
function questionProper(tokens: readonly Token[], breaks: readonly number[]): number {
  const clauseStarts = [0, ...breaks.map((b) => tokens.findIndex((t) => t.start > b)).filter((i) => i > 0)];
  for (const start of clauseStarts) {
    if (!opensQuestion(tokens, start)) continue;
    const at = skipFiller(tokens, start);
    // "can you tell me who …", "do you know when …": the question is the wh-clause.
    const polite = AUXILIARIES.has(tokens[at]?.word ?? '') && tokens[at + 1]?.word === 'you' && ASKING_VERBS.has(tokens[at + 2]?.word ?? '');
    const embedded = polite ? tokens.findIndex((t, i) => i > at + 2 && WH_WORDS.has(t.word)) : -1;
    return embedded > 0 ? embedded : at;
  }
  const firstWh = tokens.findIndex((t) => WH_WORDS.has(t.word));
  return firstWh >= 0 ? firstWh : skipFiller(tokens, 0);
}

/** Whether the clause starting at token `i` opens with a wh-word or an auxiliary, past filler and "so", "and", "but". */
function opensQuestion(tokens: readonly Token[], i: number): boolean {
  let j = i;
  while (j < tokens.length && (FILLER.has(tokens[j]?.word ?? '') || tokens[j]?.word === 'so' || tokens[j]?.word === 'and' || tokens[j]?.word === 'but')) j++;
  const word = tokens[j]?.word ?? '';
  return WH_WORDS.has(word) || AUXILIARIES.has(word);
}

/** The first token from `i` past filler (and one opening "so", "and", "but"), never past the last. */
function skipFiller(tokens: readonly Token[], i: number): number {
  let j = i;
  while (j < tokens.length - 1 && (FILLER.has(tokens[j]?.word ?? '') || ((tokens[j]?.word === 'so' || tokens[j]?.word === 'and' || tokens[j]?.word === 'but') && j === i))) j++;
  return j;
}

/** A speech word used as a verb here, not as a noun after a determiner ("the talks"), or a speech noun after a possessive ("X's take"). */
function isSpeechVerb(list: readonly Token[], i: number, aux: string): boolean {
  const word = list[i]?.word ?? '';
  const before = list[i - 1];
  if (SPEECH_NOUNS.has(word)) return before?.possessive === true;
  if (!SPEECH_WORDS.has(word)) return false;
  // After a determiner it is a noun: "the State Department", "the talks".
  if (DETERMINERS.has(before?.word ?? '')) return false;
  return verbFitsAuxiliary(aux, word);
}

/** The verb form an auxiliary takes: "did X say", "has X said", "is X saying"; "will the peace talks" is a noun. */
function verbFitsAuxiliary(aux: string, word: string): boolean {
  if (aux === '') return true;
  const thirdPerson = /[^s]s$/.test(word);
  if (['has', 'have', 'had'].includes(aux)) return /(?:ed|aid|old|oken|ought|ote|itten|elt)$/.test(word);
  if (['is', 'are', 'was', 'were', 'am'].includes(aux)) return /(?:ing|ed|aid|old|oken|ought)$/.test(word);
  return !thirdPerson;
}

/**
 * Where a speaker stands in the question: between an auxiliary and a verb of speech ("what did
 * [the governor's aide] say", "did [the union] comment"), before a possessive speech noun
 * ("[Okoye]'s take on"), after "quotes from" / "according to", or before "said" ("what [X] said").
 */
function speakerSlot(list: readonly QuestionWord[], coreAt: number): { slot: number[]; speechAt: number; soft?: boolean } {
  const none = { slot: [], speechAt: -1 };
  let i = coreAt;
  const wh = WH_WORDS.has(list[i]?.word ?? '') ? (list[i]?.word ?? '') : '';
  if (wh !== '' && wh !== 'who') i++;
  const aux = AUXILIARIES.has(list[i]?.word ?? '') ? (list[i]?.word ?? '') : '';
  const afterAux = aux !== '';
  if (afterAux) i++;
  if (wh === 'who') return none;
  // Chat shorthand with no verb at all: "[okoye] on the levy?", "[the union] about drivers" (a soft slot: it may name nobody).
  const aboutAt = list.findIndex((w, k) => k > coreAt && k <= coreAt + 4 && ABOUT_WORDS.has(w.word));
  const before = list.slice(coreAt, aboutAt);
  if (wh === '' && aux === '' && aboutAt > coreAt && !before.some((w) => SPEECH_WORDS.has(w.word) || FILLER.has(w.word)) && before.some((w) => !STOPWORDS.has(w.word))) {
    return { slot: range(coreAt, aboutAt), speechAt: -1, soft: true };
  }
  // "quotes from X", "according to X", "statements by X", near the start of the question
  for (let k = coreAt; k < Math.min(list.length - 1, coreAt + 5); k++) {
    const word = list[k]?.word ?? '';
    const next = list[k + 1]?.word ?? '';
    const fromBy = (word === 'from' || word === 'by') && k > 0 && SPEECH_WORDS.has(list[k - 1]?.word ?? '');
    const according = word === 'according' && next === 'to';
    if (!fromBy && !according) continue;
    const from = according ? k + 2 : k + 1;
    let to = from;
    while (to < list.length && !ABOUT_WORDS.has(list[to]?.word ?? '')) to++;
    return to > from ? { slot: range(from, to), speechAt: k } : none;
  }
  // Without an auxiliary only "what X said" / "how X responded" put a speaker before the verb.
  if (!afterAux && wh !== 'what' && wh !== 'how') return none;
  for (let v = i; v < list.length; v++) {
    const token = list[v] as QuestionWord;
    if (token.quoted) break;
    if (!isSpeechVerb(list, v, aux)) continue;
    let end = v;
    while (end > i && SLOT_ADVERBS.has(list[end - 1]?.word ?? '')) end--;
    if (end <= i) return none;
    // Someone must stand there: a capitalised word, or one that is not a function word ("what did Will say").
    if (!range(i, end).some((p) => !STOPWORDS.has(list[p]?.word ?? '') || (list[p]?.capital && p > 0))) continue;
    // Without an auxiliary, the slot is the wh-question's subject only when the verb is a past or third-person form ("what X said").
    if (!afterAux && !/(?:s|ed|aid|old|ought|oke)$/.test(token.word) && !list[end - 1]?.possessive) return none;
    const slot = range(i, end).filter((p) => !ARTICLE_WORDS.has(list[p]?.word ?? '') || list.length < 3);
    return { slot, speechAt: v };
  }
  return none;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(k);
  return out;
}

/** Words of the question that are its frame, not its subject: wh-words, auxiliaries, filler, "about". */
export function isFrameWord(word: QuestionWord, question: QuestionText): boolean {
  if (word.quoted) return false;
  if (STOPWORDS.has(word.word) || FILLER.has(word.word) || ABOUT_WORDS.has(word.word)) return true;
  if (word.at === question.speechAt) return true;
  // "any talk about X", "comments on X": a word of speech before "about" asks for statements on what follows.
  if (SPEECH_WORDS.has(word.word) && ABOUT_WORDS.has(question.words[word.at + 1]?.word ?? '')) return true;
  // "who said / who spoke about …": the verb of speech after "who" asks for a speaker, nothing more.
  if (question.wh === 'who' && word.at === question.coreAt + 1 && SPEECH_WORDS.has(word.word)) return true;
  return false;
}

/** Stems of the words that say what (and whom) the question is about: what it is routed to its articles by. */
export function questionTerms(question: QuestionText): string[] {
  return question.words.filter((w) => !isFrameWord(w, question) && !FILLER.has(w.word) && !ARTICLE_WORDS.has(w.word)).map((w) => w.stem);
}
