import { MAX_PREFIX_CANDIDATES, countExamined } from './limits.js';
import { typoAllowance } from '../text/edit-distance.js';
import { foldText } from '../text/words.js';
import { TypoIndex } from './typo-index.js';

/** Something a user can pick from a list (a speaker, a topic, an article), with every way they might type it. */
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

interface Entry {
  item: Choosable;
  text: string;
  /** 0 for a name, 1 for an alias: the rank a prefix match earns. */
  rank: number;
}

/**
 * Ranked type-ahead over a fixed list, built once: prefix of a name > prefix of an alias (or of any
 * word in one) > a word the typed one is a misspelling of (or of its start). Lookups go through a
 * word index; one keystroke examines at most MAX_PREFIX_CANDIDATES entries for a prefix and a
 * bounded number of words for a typo (see TypoIndex), however large the list and whatever is typed.
 */
export class ChoiceIndex {
  private readonly byWeight: Choosable[];
  private readonly byWord = new Map<string, Entry[]>();
  private readonly words: string[];
  private readonly typos: TypoIndex;

  constructor(items: Choosable[]) {
    this.byWeight = [...items].sort((a, b) => b.weight - a.weight);
    for (const item of items) {
      const texts = [...item.names.map((text) => ({ text, rank: 0 })), ...item.aliases.map((text) => ({ text, rank: 1 }))];
      for (const { text, rank } of texts) {
        const folded = foldText(text);
        for (const word of new Set(folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean))) {
          const list = this.byWord.get(word) ?? [];
          list.push({ item, text: folded, rank });
          this.byWord.set(word, list);
        }
      }
    }
    this.words = [...this.byWord.keys()].sort();
    this.typos = new TypoIndex(this.words);
  }

  suggest(typed: string, limit = 25): Choice[] {
    const query = foldText(typed).trim().replace(/\s+/g, ' ');
    if (query === '') return this.byWeight.slice(0, limit).map(toChoice);
    const ranked = new Map<Choosable, number>();
    const rank = (item: Choosable, score: number) => ranked.set(item, Math.min(ranked.get(item) ?? Infinity, score));
    const queryWords = query.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const first = queryWords[0] ?? query;
    let examined = 0;
    prefixes: for (const word of this.wordsStartingWith(first)) {
      for (const entry of this.byWord.get(word) ?? []) {
        if (examined++ >= MAX_PREFIX_CANDIDATES) break prefixes;
        if (startsWithWord(entry.text, query)) rank(entry.item, entry.rank);
      }
    }
    countExamined(examined);
    const longest = [...queryWords].sort((a, b) => b.length - a.length)[0] ?? '';
    if (longest.length >= 3) {
      for (const { word, distance, allowance } of this.typos.near(longest, Math.max(1, typoAllowance(longest.length)), { prefix: true })) {
        for (const entry of this.byWord.get(word) ?? []) rank(entry.item, 2 + distance / (allowance + 1));
      }
    }
    return [...ranked.entries()]
      .sort((a, b) => a[1] - b[1] || b[0].weight - a[0].weight)
      .slice(0, limit)
      .map(([item]) => toChoice(item));
  }

  /** Vocabulary words with this prefix, by binary search over the sorted words. */
  private wordsStartingWith(prefix: string): string[] {
    let low = 0;
    let high = this.words.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.words[middle] ?? '') < prefix) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let i = low; i < this.words.length && found.length < MAX_PREFIX_CANDIDATES; i++) {
      const word = this.words[i] ?? '';
      if (!word.startsWith(prefix)) break;
      found.push(word);
    }
    return found;
  }
}

function startsWithWord(text: string, query: string): boolean {
  return text.startsWith(query) || text.includes(` ${query}`);
}

function toChoice(item: Choosable): Choice {
  return { value: item.value, label: item.label };
}
