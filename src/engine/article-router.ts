import type { Article } from '../data/schema.js';
import { Bm25Index } from './bm25-index.js';
import { MAX_FUZZY_WORDS } from './limits.js';
import { LruMap } from './lru.js';
import { isFrameWord, questionTerms, readQuestion, type QuestionText, type QuestionWord } from './question.js';
import { TypoIndex } from './typo-index.js';
import { WordSequences } from './word-sequences.js';
import { STOPWORDS } from '../text/stopwords.js';
import { contentStems as terms } from '../text/tokens.js';
import { foldedWordText } from '../text/words.js';

export interface Route {
  article: Article;
  score: number;
}

/** The fields an article is found by as a whole, weighted: its people say most, then its title and subject. */
const FIELD_BOOSTS = [3, 2, 2];
/** A term in more than this share of the articles (or paragraphs), and more than MIN_COMMON, is too common to route by … */
const COMMON_SHARE = 0.05;
const MIN_COMMON = 40;
/** … and one in more paragraphs than this too common to look up paragraph by paragraph: the work per question stays bounded at any size. */
const MAX_PARAGRAPH_POSTINGS = 1000;
/** The rarest few terms of a question are enough to find its articles (fewer for whole articles: their postings are longer). */
const MAX_QUERY_TERMS = 8;
/** … and at most this many of its pairs of neighbouring words (rare: their postings are short). */
const MAX_QUERY_PAIRS = 6;
/** A pair counts beside its two words, which the paragraph says as well. */
const PAIR_WEIGHT = 0.5;
/** Only words in at least this share of the paragraphs (and MIN_PAIR_WORD) are paired. */
const PAIR_WORD_SHARE = 0.002;
const MIN_PAIR_WORD = 5;
/** A pair said in more paragraphs than this is a common phrase, not a statement's wording: not indexed. */
const MAX_PAIR_POSTINGS = 100;
const MAX_ARTICLE_TERMS = 4;
const MAX_RESULTS = 200;
/** A paragraph that says the question's words together outweighs an article whose people and subject only name them. */
const WHOLE_ARTICLE_WEIGHT = 0.3;
/** The best this many routes are weighed again by the question's wording (see byPhrase) … */
const PHRASE_POOL = 10;
/** … when it has at least this many word pairs, and a route saying all of them counts this much more. */
const MIN_PHRASE_PAIRS = 3;
const PHRASE_WEIGHT = 2;
/** An article alone saying the question's words in a row ranks just above the best (ahead of its ties). */
const SEQUENCE_LIFT = 1.01;
/** The weight MiniSearch gives a fuzzy match. */
const FUZZY_WEIGHT = 0.45;

/**
 * Picks the articles a question is about, however large the knowledge base: BM25 over each
 * article's people, title and subject, and over each of its paragraphs, so that words a question
 * quotes together find the paragraph that says them together. Only the chosen articles' engines answer.
 */
export class ArticleRouter {
  /** Articles by their people, title and subject (document id = index in `articles`). */
  private readonly articleIndex = new Bm25Index(FIELD_BOOSTS);
  /** Paragraphs by their rarer terms (document id = index in `owner`). */
  private readonly paragraphIndex = new Bm25Index([1]);
  /** The article each paragraph belongs to. */
  private readonly owner: Int32Array;
  /** How many articles' people, title and subject use each term, and how many paragraphs. A term in neither is a typo or unknown: only those are matched fuzzily. */
  private readonly articleFrequency = new Map<string, number>();
  private readonly paragraphFrequency = new Map<string, number>();
  private readonly articleCommonAt: number;
  private readonly paragraphCommonAt: number;
  /** The words of people, titles and subjects, for typos (bounded work: see TypoIndex). */
  private readonly typos: TypoIndex;
  /** Which article alone says each run of three words: a statement quoted in common words finds its article so. */
  private readonly sequences: WordSequences;
  private readonly folded = new LruMap<string, string>(256, { admitOnSecondUse: true });
  /** Scratch per article for one routing (zero between questions): no map of candidates is built per question. */
  private readonly wholeScore: Float64Array;
  private readonly paragraphScore: Float64Array;
  private readonly touched: { ids: Int32Array; marked: Uint8Array };

  constructor(private readonly articles: readonly Article[]) {
    const paragraphTerms: string[][] = [];
    const owner: number[] = [];
    articles.forEach((article, id) => {
      const people = terms(article.people.flatMap((p) => [p.name, ...p.aliases, ...(p.role ? [p.role] : []), ...p.roleAliases]).join(' '));
      const title = terms(article.title);
      const subject = terms([article.standfirst ?? '', article.summary, article.source, ...article.topics.flatMap((t) => [t.label, ...t.keywords])].join(' '));
      count(this.articleFrequency, [...people, ...title, ...subject]);
      if (this.articleIndex.add([people, title, subject]) !== id) throw new Error('ArticleRouter: article ids out of step');
      for (const paragraph of article.paragraphs) {
        const words = terms(article.text.slice(paragraph.start, paragraph.end));
        count(this.paragraphFrequency, words);
        paragraphTerms.push(words);
        owner.push(id);
      }
    });
    this.owner = Int32Array.from(owner);
    this.wholeScore = new Float64Array(articles.length);
    this.paragraphScore = new Float64Array(articles.length);
    this.touched = { ids: new Int32Array(articles.length), marked: new Uint8Array(articles.length) };
    this.articleCommonAt = Math.max(MIN_COMMON, articles.length * COMMON_SHARE);
    this.paragraphCommonAt = Math.min(Math.max(MIN_COMMON, paragraphTerms.length * COMMON_SHARE), MAX_PARAGRAPH_POSTINGS);
    this.articleIndex.seal();
    this.typos = new TypoIndex(this.articleFrequency.keys());
    // Pairs of neighbouring words are indexed only where both words are common: a rarer word finds its paragraphs alone.
    const pairFrom = Math.max(MIN_PAIR_WORD, paragraphTerms.length * PAIR_WORD_SHARE);
    const pairable = (t: string) => (this.paragraphFrequency.get(t) ?? 0) >= pairFrom;
    const paragraphPairs = paragraphTerms.map((words) => pairsOf(words, pairable));
    const pairFrequency = new Map<string, number>();
    for (const pairs of paragraphPairs) count(pairFrequency, pairs);
    // Only the pairs indexed are remembered: a common phrase is no more use to a search than an unknown one.
    for (const [pair, n] of pairFrequency) if (n <= MAX_PAIR_POSTINGS) this.paragraphFrequency.set(pair, n);
    // Paragraphs are searched only with rarer terms: the common ones are left out of their index (most of its size).
    const searchable = (t: string) => (this.paragraphFrequency.get(t) ?? Infinity) <= this.paragraphCommonAt;
    paragraphTerms.forEach((words, i) => this.paragraphIndex.add([[...words, ...(paragraphPairs[i] as string[])].filter(searchable)]));
    this.paragraphIndex.seal();
    this.sequences = new WordSequences(articles.map((a) => a.text));
  }

  /** The question's words past its frame ("who said", "what did"): the wording it quotes or names. */
  private wording(question: QuestionText): QuestionWord[] {
    let from = question.coreAt;
    while (from < question.words.length && isFrameWord(question.words[from] as QuestionWord, question)) from++;
    return question.words.slice(from);
  }

  /**
   * The best few routes again, weighed by how much of the question's wording each article's text says word for word.
   * Only the first `limit` are asked for: a route that could not reach them even saying every pair is not read.
   */
  private byPhrase(question: QuestionText, ranked: readonly [number, number][], limit: number): [number, number][] {
    const words = this.wording(question);
    const pairs: string[] = [];
    for (let i = 1; i < words.length; i++) {
      const [a, b] = [words[i - 1] as QuestionWord, words[i] as QuestionWord];
      if (!STOPWORDS.has(a.word) || !STOPWORDS.has(b.word)) pairs.push(` ${a.word} ${b.word} `);
    }
    if (pairs.length < MIN_PHRASE_PAIRS) return [...ranked];
    const pool: [number, number][] = [];
    // Weighed best first: once `limit` routes already score more than the next could with every pair, the rest stay as they are.
    const weighed: number[] = [];
    for (const [id, score] of ranked.slice(0, PHRASE_POOL)) {
      const article = this.articles[id];
      const outOfReach = weighed.length >= limit && (weighed[limit - 1] as number) > score * (1 + PHRASE_WEIGHT);
      const weight = article && !outOfReach ? score * (1 + PHRASE_WEIGHT * phraseShare(pairs, this.wordsOf(article))) : score;
      pool.push([id, weight]);
      weighed.push(weight);
      weighed.sort((a, b) => b - a);
    }
    return [...pool.sort((a, b) => b[1] - a[1] || a[0] - b[0]), ...ranked.slice(PHRASE_POOL)];
  }

  /** An article's folded words joined by single spaces (a few hundred kept: the candidates of recent questions). */
  private wordsOf(article: Article): string {
    return this.folded.remember(article.id, () => foldedWordText(article.text));
  }

  /**
   * The best articles for a question, best first; empty when its words name no article. `among`: only these
   * articles (by index) may be routes, the ones quoting the speaker the question names.
   */
  route(question: string, limit = 5, among?: ReadonlySet<number>): Route[] {
    const read = readQuestion(question);
    // Among the articles quoting the speaker asked for, the speaker's name tells none apart: what is asked about does.
    const named = among ? new Set(read.slot.map((i) => read.words[i]?.stem)) : undefined;
    const terms = [...new Set(questionTerms(read))];
    const unnamed = named ? terms.filter((t) => !named.has(t)) : terms;
    const asked = unnamed.length > 0 ? unnamed : terms;
    if (asked.length === 0) return [];
    const known = (t: string) => this.articleFrequency.has(t) || this.paragraphFrequency.has(t);
    const unknown = asked.filter((t) => !known(t) && t.length >= 5);
    const forArticles = selective(asked, this.articleFrequency, this.articleCommonAt, MAX_ARTICLE_TERMS);
    // Paragraph by paragraph only with the rarer terms: enough to find words said together, and fast at any size.
    const byRarity = (a: string, b: string) => (this.paragraphFrequency.get(a) ?? 0) - (this.paragraphFrequency.get(b) ?? 0);
    const forParagraphs = asked.filter((t) => (this.paragraphFrequency.get(t) ?? Infinity) <= this.paragraphCommonAt).sort(byRarity).slice(0, MAX_QUERY_TERMS);
    // Words the question says side by side find the paragraph that says them so, however common each is alone.
    const pairs = [...new Set(saidTogether(read))].filter((t) => (this.paragraphFrequency.get(t) ?? Infinity) <= MAX_PAIR_POSTINGS).sort(byRarity).slice(0, MAX_QUERY_PAIRS);
    if (forArticles.length === 0 && forParagraphs.length === 0 && unknown.length === 0) return [];
    // Typo tolerance is spent only on the few longest words no article contains, each standing for the closest
    // word of people, titles and subjects that still picks out a few articles. One typo in a word, two in a long
    // one (a name misspelt): a looser match only finds other words ("economy" / "economist").
    const corrected = new Set<string>();
    for (const term of unknown.sort((a, b) => b.length - a.length).slice(0, MAX_FUZZY_WORDS)) {
      const closest = this.typos.near(term, term.length >= 8 ? 2 : 1).find((m) => (this.articleFrequency.get(m.word) ?? 0) <= this.articleCommonAt);
      if (closest && !forArticles.includes(closest.word)) corrected.add(closest.word);
    }
    // A corrected word counts for less than one typed right, as MiniSearch weighs its own fuzzy matches.
    const chosen = [...forArticles.map((term) => ({ term, boost: 1 })), ...[...corrected].map((term) => ({ term, boost: FUZZY_WEIGHT }))];
    // Per article, in scratch arrays kept between questions: its whole-article score, and its best paragraph's.
    const { wholeScore, paragraphScore, touched } = this;
    let touchedCount = 0;
    const touch = (article: number) => {
      if (touched.marked[article] === 0) {
        touched.marked[article] = 1;
        touched.ids[touchedCount++] = article;
      }
    };
    // Hits come best first: the first few hundred are all a route could need.
    for (const hit of this.articleIndex.search(chosen, MAX_RESULTS)) {
      wholeScore[hit.id] = WHOLE_ARTICLE_WEIGHT * hit.score;
      touch(hit.id);
    }
    for (const hit of this.paragraphIndex.search([...forParagraphs.map((term) => ({ term, boost: 1 })), ...pairs.map((term) => ({ term, boost: PAIR_WEIGHT }))], MAX_RESULTS)) {
      const article = this.owner[hit.id] as number;
      if (hit.score > (paragraphScore[article] as number)) {
        paragraphScore[article] = hit.score;
        touch(article);
      }
    }
    // Only the best few can be routes (see byPhrase): they are picked, not every candidate sorted.
    const ranked = new TopScores(Math.max(PHRASE_POOL, limit));
    for (let i = 0; i < touchedCount; i++) {
      const article = touched.ids[i] as number;
      const score = (wholeScore[article] as number) + (paragraphScore[article] as number);
      if (!among || among.has(article)) ranked.offer(article, score);
      wholeScore[article] = 0;
      paragraphScore[article] = 0;
      touched.marked[article] = 0;
    }
    // An article alone saying the question's words in a row is a route as good as the best, however common those words:
    // only for a question naming no speaker (a name's words in a row would find the articles naming it).
    const best = ranked.best()[0]?.[1];
    if (best !== undefined && read.slot.length === 0) {
      for (const article of this.sequences.find(quotedRun(read))) if (!among || among.has(article)) ranked.lift(article, best * SEQUENCE_LIFT);
    }
    return this.byPhrase(read, ranked.best(), limit)
      .slice(0, limit)
      .flatMap(([id, score]) => {
        const article = this.articles[id];
        return article ? [{ article, score }] : [];
      });
  }
}

/**
 * The words a question may quote, in order: past "who said" but keeping its little words ("who said we did not
 * ask", not "ask"), which a statement's wording in a row is made of.
 */
function quotedRun(question: QuestionText): string[] {
  let from = question.coreAt;
  while (from < question.words.length) {
    const word = question.words[from] as QuestionWord;
    if (!isFrameWord(word, question) || (from > question.coreAt && STOPWORDS.has(word.word))) break;
    from++;
  }
  return question.words.slice(from).map((w) => w.word);
}

/**
 * The best few articles again, each weighed by how many of the question's word pairs its text says
 * as the question does: words a question quotes from a statement ("who said we will not be part of
 * it") are common one by one, and only said together in the article they come from.
 */
function phraseShare(pairs: readonly string[], text: string): number {
  let found = 0;
  for (const pair of pairs) if (text.includes(pair)) found++;
  return found / pairs.length;
}

/**
 * The question's pairs of neighbouring content words, as the text is indexed (little words left out), outside
 * the speaker it names: "what did the mayor say about the night buses" pairs "night buses", not "mayor night".
 */
function saidTogether(question: QuestionText): string[] {
  const slot = new Set(question.slot);
  const out: string[] = [];
  let previous: string | undefined;
  for (const word of question.words) {
    if (STOPWORDS.has(word.word) && !slot.has(word.at)) continue;
    const content = !slot.has(word.at) && !isFrameWord(word, question);
    if (content && previous !== undefined) out.push(`${previous} ${word.stem}`);
    previous = content ? word.stem : undefined;
  }
  return out;
}

/** Each pair of neighbouring content words that are both `pairable`, as one term (a space cannot be in a word's stem). */
function pairsOf(words: readonly string[], pairable: (word: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const [a, b] = [words[i - 1] as string, words[i] as string];
    if (pairable(a) && pairable(b)) out.push(`${a} ${b}`);
  }
  return out;
}

function count(frequency: Map<string, number>, list: readonly string[]): void {
  for (const term of new Set(list)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
}

/**
 * A question's rarest terms in one index: they pick out its articles, while terms most of them
 * share ("said", "percent") would only make every article a candidate and the search slow. With
 * only common terms, the two rarest still search (the articles *about* them rank first).
 */
function selective(asked: readonly string[], frequency: ReadonlyMap<string, number>, commonAt: number, max: number): string[] {
  const byRarity = asked.filter((t) => frequency.has(t)).sort((a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0));
  const rare = byRarity.filter((t) => (frequency.get(t) ?? 0) <= commonAt).slice(0, max);
  return rare.length > 0 ? rare : byRarity.slice(0, 2);
}

/**
 * The best `size` of a stream of (article, score), best first (ties: the earlier article): the order a full
 * sort would give them, kept by insertion into a short sorted list.
 */
export class TopScores {
  private readonly kept: [number, number][] = [];

  constructor(private readonly size: number) {}

  offer(article: number, score: number): void {
    const kept = this.kept;
    let at = kept.length;
    while (at > 0 && outranks(article, score, kept[at - 1] as [number, number])) at--;
    if (at >= this.size) return;
    kept.splice(at, 0, [article, score]);
    if (kept.length > this.size) kept.pop();
  }

  /** Offers an article again at a higher score: its lower entry, if kept, goes. */
  lift(article: number, score: number): void {
    const at = this.kept.findIndex(([id]) => id === article);
    if (at >= 0) {
      if ((this.kept[at] as [number, number])[1] >= score) return;
      this.kept.splice(at, 1);
    }
    this.offer(article, score);
  }

  best(): [number, number][] {
    return this.kept;
  }
}

function outranks(article: number, score: number, [other, otherScore]: [number, number]): boolean {
  return score > otherScore || (score === otherScore && article < other);
}
