import type { Article } from '../data/schema.js';
import { nameWords } from './name-words.js';

/** How well the words a question names its speaker by fit a person's name: by its surname (or head noun), or only another part (a given name). */
const PART = 1;
const NAME = 2;

/** What follows one of these describes the name's head rather than names it ("Chris Moyo of Ostend", "the Committee on Roads"). */
const QUALIFIER = /\s+(?:of|on|for|in|at|from)\s+.*$/i;

interface Name {
  words: readonly string[];
  /** The surname, or an organisation's head noun. */
  head: string;
  article: number;
}

/**
 * The articles that quote someone by the name a question asks for, across a knowledge base. A name
 * can fit people of many articles in different ways: "what did Marlow say?" is Ines Marlow by her
 * surname in one article and Marlow Chen by his given name in another. Only the best fit counts, so a
 * partial name elsewhere does not pull the question away from the person it names. A name fits when
 * one holds the other (an article may call "Ines Marlow" only "Marlow").
 */
export class SpeakerArticles {
  private readonly names: Name[] = [];
  /** Names by each of their words. */
  private readonly byWord = new Map<string, number[]>();

  constructor(articles: readonly Article[]) {
    articles.forEach((article, id) => {
      const quoted = new Set(article.quotes.map((q) => q.speaker));
      for (const person of article.people) {
        if (!quoted.has(person.id)) continue;
        for (const name of [person.name, ...person.aliases]) {
          const words = identifying(name);
          // The head never a little word ("Al From" is Al's): a name asked by it alone still fits, as a part.
          const head = identifying(name.replace(QUALIFIER, ''), 'never').pop();
          if (head === undefined) continue;
          const at = this.names.push({ words, head, article: id }) - 1;
          for (const word of new Set(words)) {
            const list = this.byWord.get(word);
            if (list) list.push(at);
            else this.byWord.set(word, [at]);
          }
        }
      }
    });
  }

  /**
   * The articles quoting someone whose name holds these words or is held by them, as well as any
   * article's quoted name fits (by surname or head noun before a given name); empty when none fits.
   */
  find(typed: readonly string[]): Set<number> {
    const typedText = typed.join(' ');
    const read = identifying(typedText);
    const asked = read.length > 0 ? read : identifying(typedText, 'anywhere');
    const surname = asked[asked.length - 1];
    let best = { articles: new Set<number>(), fit: 0 };
    if (surname === undefined) return best.articles;
    const seen = new Set<number>();
    for (const word of asked) {
      for (const at of this.byWord.get(word) ?? []) {
        if (seen.has(at)) continue;
        seen.add(at);
        const name = this.names[at] as Name;
        const fit = fitOf(asked, surname, name);
        if (fit > best.fit) best = { articles: new Set<number>(), fit };
        if (fit > 0 && fit === best.fit) best.articles.add(name.article);
      }
    }
    return best.articles;
  }
}

/** 0 when neither holds the other; NAME when the asked surname is the name's, or the name's head is asked; PART otherwise. */
function fitOf(asked: readonly string[], surname: string, name: Name): number {
  if (asked.every((w) => name.words.includes(w))) return asked.includes(name.head) ? NAME : PART;
  if (name.words.every((w) => asked.includes(w))) return name.words.includes(surname) ? NAME : PART;
  return 0;
}

/** The words of a name that identify someone: no honorifics, little words, suffixes or initials; a little word written with a capital past the first ("Ada Will", "Rufus May") is a name, and so is one asked alone. */
function identifying(text: string, capitalisedLittleWords: 'never' | 'past-first' | 'anywhere' = 'past-first'): string[] {
  return nameWords(text, { split: 'spaces', capitalisedLittleWords, dropSuffixesAndInitials: true });
}
