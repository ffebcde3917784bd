import Fuse from 'fuse.js';
import { foldText } from './text.js';

/** Something a user can pick from a list (a speaker, a topic), with every way they might type it. */
export interface Choosable {
  value: string;
  label: string;
  /** Canonical names: typing the start of one ranks first. */
  names: string[];
  /** Other spellings and descriptions: a prefix of one ranks second. */
  aliases: string[];
  /** Order when nothing is typed: higher first (e.g. how often a speaker is quoted). */
  weight: number;
}

export interface Choice {
  value: string;
  label: string;
}

/**
 * Ranked type-ahead over a fixed list, built once: exact prefix of a name > prefix of an alias
 * (or of any word in one) > Fuse.js fuzzy match anywhere in the names, aliases and descriptions.
 */
export class ChoiceIndex {
  private readonly fuse: Fuse<{ item: Choosable; text: string }>;
  private readonly byWeight: Choosable[];

  constructor(private readonly items: Choosable[]) {
    this.byWeight = [...items].sort((a, b) => b.weight - a.weight);
    const texts = items.flatMap((item) => [...item.names, ...item.aliases].map((text) => ({ item, text: foldText(text) })));
    // ignoreLocation: a role's key word ("spokeswoman") often sits far into the string, past Fuse's default window.
    this.fuse = new Fuse(texts, { keys: ['text'], includeScore: true, threshold: 0.35, ignoreLocation: true });
  }

  suggest(typed: string, limit = 25): Choice[] {
    const query = foldText(typed).trim();
    if (query === '') return this.byWeight.slice(0, limit).map(toChoice);
    const ranked = new Map<Choosable, number>();
    const rank = (item: Choosable, score: number) => ranked.set(item, Math.min(ranked.get(item) ?? Infinity, score));
    for (const item of this.items) {
      if (item.names.some((n) => startsWithWord(foldText(n), query))) rank(item, 0);
      else if (item.aliases.some((a) => startsWithWord(foldText(a), query))) rank(item, 1);
    }
    for (const { item, score } of this.fuse.search(query, { limit: limit * 2 })) rank(item.item, 2 + (score ?? 1));
    return [...ranked.entries()]
      .sort((a, b) => a[1] - b[1] || b[0].weight - a[0].weight)
      .slice(0, limit)
      .map(([item]) => toChoice(item));
  }
}

function startsWithWord(text: string, query: string): boolean {
  return text.startsWith(query) || text.includes(` ${query}`);
}

function toChoice(item: Choosable): Choice {
  return { value: item.value, label: item.label };
}
