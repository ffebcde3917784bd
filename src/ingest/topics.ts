import type { Topic } from '../data/schema.js';
import { STOPWORDS, slug } from '../text/index.js';

/** Words of reporting and counting, frequent in news and never a topic. */
const NOT_TOPICS = new Set(['said', 'says', 'told', 'tells', 'added', 'cent', 'percent', 'would', 'could', 'also', 'many', 'much', 'made', 'make', 'going', 'really']);

/** Lower-case content words (≥ 4 letters, not function words). */
function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter((w) => w.length >= 4 && !STOPWORDS.has(w) && !NOT_TOPICS.has(w) && !VAGUE.has(w) && !/['’]/.test(w));
}

/** Folds plurals so "negotiation" and "negotiations" share a topic. */
const stem = (word: string): string => {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  return word.length > 4 && word.endsWith('s') && !/(?:ss|us|is|les)$/.test(word) ? word.slice(0, -1) : word;
};

/** Frequent words that are never what a quote is about. */
const VAGUE = new Set(['next', 'last', 'first', 'happen', 'take', 'place', 'time', 'week', 'weeks', 'year', 'years', 'days', 'today', 'able', 'want', 'think', 'know', 'good', 'enough', 'already', 'again', 'well', 'way', 'lot', 'part', 'every', 'other', 'others', 'same', 'some', 'them', 'from', 'into', 'over', 'most']);

/**
 * A deliberately simple topic model: each quote's topic is its most salient word, i.e. the content
 * word of the quote that the whole article repeats most (ties: the longer word). Good enough for
 * "what did X say about Y" keyword matching; not a substitute for hand-written topics.
 */
export function assignTopics(articleText: string, quotes: readonly string[]): { topics: Topic[]; perQuote: string[][] } {
  const frequency = new Map<string, number>();
  for (const word of contentWords(articleText)) frequency.set(stem(word), (frequency.get(stem(word)) ?? 0) + 1);
  const topics = new Map<string, Topic>();
  const perQuote = quotes.map((quote) => {
    const candidates = [...new Set(contentWords(quote))];
    const ranked = candidates.sort((a, b) => (frequency.get(stem(b)) ?? 0) - (frequency.get(stem(a)) ?? 0) || b.length - a.length);
    const chosen = ranked.slice(0, 2);
    if (chosen.length === 0) {
      const longest = (quote.toLowerCase().match(/\p{L}+/gu) ?? []).sort((a, b) => b.length - a.length)[0];
      chosen.push(longest ?? 'statement');
    }
    return chosen.map((word) => {
      const id = slug(stem(word));
      const topic = topics.get(id) ?? { id, label: stem(word).charAt(0).toUpperCase() + stem(word).slice(1), keywords: [] };
      if (!topic.keywords.includes(word)) topic.keywords.push(word);
      if (!topic.keywords.includes(stem(word))) topic.keywords.push(stem(word));
      topics.set(id, topic);
      return id;
    });
  });
  return { topics: [...topics.values()], perQuote: perQuote.map((ids) => [...new Set(ids)]) };
}
