import type { TopicEntry } from './knowledge.js';
import { editDistance, stemmedWords, terms, typoAllowance } from './text.js';

/** Little words a keyword phrase may leave out ("who to negotiate with" ~ "who Russia negotiates with"). */
const OPTIONAL_WORDS = new Set(['to', 'the', 'a', 'an', 'of']);
/** How many extra question words may sit between two words of a keyword phrase. */
const MAX_GAP = 1;

export interface TopicMatch {
  topic: TopicEntry;
  /** Number of question terms and phrases explained by the topic's keywords. */
  score: number;
  matchedTerms: Set<string>;
  /**
   * Keywords found as whole phrases whose meaning lies in their little words ("with whom", "where",
   * "who to negotiate with"): no single term of the question stands for them.
   */
  phrases: Set<string>;
}

interface Keyword {
  topic: TopicEntry;
  text: string;
  terms: string[];
  /** Stemmed words, little words kept, for matching as a phrase. */
  phrase: string[];
  /**
   * Keywords made only of generic or little words ("negotiate", "who to negotiate with") would match
   * every question on the article's subject; they count only when the question uses the phrase itself.
   */
  phraseOnly: boolean;
}

/** Finds the topics a question is about from the words people use for them. */
export class TopicMatcher {
  private readonly keywords: Keyword[] = [];

  constructor(topics: Iterable<TopicEntry>, generic: ReadonlySet<string>) {
    for (const topic of topics) {
      for (const text of [topic.id.replace(/-/g, ' '), ...topic.topic.keywords]) {
        const keywordTerms = terms(text);
        const phrase = stemmedWords(text);
        const required = phrase.filter((w) => !OPTIONAL_WORDS.has(w));
        if (required.length === 0) continue;
        const phraseOnly = keywordTerms.every((t) => generic.has(t));
        this.keywords.push({ topic, text, terms: keywordTerms, phrase: required, phraseOnly });
      }
    }
  }

  match(text: string): TopicMatch[] {
    const questionTerms = terms(text);
    const questionWords = stemmedWords(text);
    // Keywords share terms ("negotiate" is in many): each is looked up in the question once.
    const found = new Map<string, string | null>();
    const questionTermFor = (term: string): string | null => {
      let match = found.get(term);
      if (match === undefined) {
        match = questionTerms.find((q) => sameTerm(q, term)) ?? null;
        found.set(term, match);
      }
      return match;
    };
    const byTopic = new Map<TopicEntry, TopicMatch>();
    for (const keyword of this.keywords) {
      const matched = keyword.phraseOnly ? matchPhrase(keyword, questionWords) : matchTerms(keyword, questionTermFor);
      if (!matched) continue;
      const entry = byTopic.get(keyword.topic) ?? { topic: keyword.topic, score: 0, matchedTerms: new Set<string>(), phrases: new Set<string>() };
      matched.forEach((m) => entry.matchedTerms.add(m));
      // A phrase says more than its generic words: it counts as a unit of its own.
      if (keyword.phraseOnly && (keyword.phrase.length > 1 || keyword.terms.length === 0)) entry.phrases.add(keyword.text);
      entry.score = entry.matchedTerms.size + entry.phrases.size;
      byTopic.set(keyword.topic, entry);
    }
    return [...byTopic.values()].sort((a, b) => b.score - a.score);
  }
}

/** The question terms that stand for every term of the keyword, typos forgiven; undefined if one is missing. */
function matchTerms(keyword: Keyword, questionTermFor: (term: string) => string | null): string[] | undefined {
  const matched: string[] = [];
  for (const term of keyword.terms) {
    const found = questionTermFor(term);
    if (found === null) return undefined;
    matched.push(found);
  }
  return matched.length > 0 ? matched : undefined;
}

/** The keyword's terms when the question contains its words in order, else undefined. */
function matchPhrase(keyword: Keyword, questionWords: string[]): string[] | undefined {
  const [first, ...rest] = keyword.phrase;
  for (let start = 0; start < questionWords.length; start++) {
    if (first !== undefined && sameTerm(questionWords[start] ?? '', first) && followsInOrder(questionWords, start, rest)) return keyword.terms;
  }
  return undefined;
}

function followsInOrder(questionWords: string[], from: number, phrase: string[]): boolean {
  let at = from;
  for (const word of phrase) {
    const window = questionWords.slice(at + 1, at + 2 + MAX_GAP);
    const offset = window.findIndex((w) => sameTerm(w, word));
    if (offset < 0) return false;
    at += offset + 1;
  }
  return true;
}

function sameTerm(a: string, b: string): boolean {
  if (a === b) return true;
  const allowance = Math.min(1, typoAllowance(Math.min(a.length, b.length) + 1));
  return allowance > 0 && a.length >= 5 && editDistance(a, b, allowance) <= allowance;
}
