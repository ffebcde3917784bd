import type { TopicEntry } from './knowledge.js';
import { editDistance, terms, typoAllowance } from './text.js';

export interface TopicMatch {
  topic: TopicEntry;
  /** Number of question terms explained by the topic's best keywords. */
  score: number;
  matchedTerms: Set<string>;
}

/** Finds the topics a question is about from the words people use for them. */
export class TopicMatcher {
  private readonly keywords: { topic: TopicEntry; terms: string[] }[] = [];

  constructor(topics: Iterable<TopicEntry>) {
    for (const topic of topics) {
      for (const keyword of [topic.id.replace(/-/g, ' '), ...topic.topic.keywords]) {
        const keywordTerms = terms(keyword);
        if (keywordTerms.length > 0) this.keywords.push({ topic, terms: keywordTerms });
      }
    }
  }

  match(text: string): TopicMatch[] {
    const questionTerms = terms(text);
    const byTopic = new Map<TopicEntry, TopicMatch>();
    for (const keyword of this.keywords) {
      const matched = keyword.terms.map((term) => questionTerms.find((q) => sameTerm(q, term)));
      if (matched.some((m) => m === undefined)) continue;
      const entry = byTopic.get(keyword.topic) ?? { topic: keyword.topic, score: 0, matchedTerms: new Set<string>() };
      matched.forEach((m) => m && entry.matchedTerms.add(m));
      entry.score = entry.matchedTerms.size;
      byTopic.set(keyword.topic, entry);
    }
    return [...byTopic.values()].sort((a, b) => b.score - a.score);
  }
}

function sameTerm(a: string, b: string): boolean {
  if (a === b) return true;
  const allowance = Math.min(1, typoAllowance(Math.min(a.length, b.length) + 1));
  return allowance > 0 && a.length >= 5 && editDistance(a, b, allowance) <= allowance;
}
