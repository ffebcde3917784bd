import type { PersonEntry } from './knowledge.js';
import { MAX_FUZZY_CANDIDATES, countExamined } from './limits.js';
import { editDistance, QUESTION_VERBS, stem, STOPWORDS, typoAllowance, words } from './text.js';

/** Honorifics and generic titles: never enough on their own to name someone. */
const TITLE_WORDS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'president', 'the', 'mister', 'madam', 'sir']);

interface Phrase {
  person: PersonEntry;
  /** Folded words for names, stems for role descriptions. */
  tokens: string[];
  kind: 'name' | 'role';
  /** Score per matched token: whole names and whole roles outrank parts of a role. */
  weight: number;
}

export interface PersonMatch {
  person: PersonEntry;
  score: number;
  /** Positions of the question words this match explains. */
  covered: Set<number>;
  /** True when the match relied on a role description rather than a name. */
  byRole: boolean;
}

export interface PersonResolution {
  /** Every person whose name or role is in the text, best first. */
  matches: PersonMatch[];
  /** The people tied for the best score. */
  best: PersonMatch[];
  /** Share of the text's meaningful words the best match explains (0-1). */
  coverage: number;
}

/**
 * Finds people in a question by name (typos forgiven for names: same first letter, few edits)
 * or by role description ("the Foreign Ministry spokeswoman"), exact on word stems.
 */
export class PersonMatcher {
  private readonly phrases: Phrase[] = [];
  private readonly nameTokens = new Set<string>();
  /** Name tokens by first letter: a typo keeps the first letter, so only these need an edit distance. */
  private readonly namesByInitial = new Map<string, string[]>();

  constructor(people: Iterable<PersonEntry>) {
    for (const person of people) {
      const { name, aliases, role, roleAliases, organisation, kind } = person.person;
      for (const text of [name, ...aliases]) {
        const tokens = words(text).filter((w) => !TITLE_WORDS.has(w));
        if (tokens.length === 0) continue;
        this.phrases.push({ person, tokens, kind: 'name', weight: 2 });
        tokens.forEach((t) => this.nameTokens.add(t));
      }
      // A given name alone ("who is Maria") names someone, but less surely than a surname.
      const given = words(name)[0];
      if (kind === 'person' && words(name).length > 1 && given && !STOPWORDS.has(given)) this.phrases.push({ person, tokens: [given], kind: 'name', weight: 1 });
      // The organisation speaks through its people: "what did the Kremlin say" asks for its spokesman.
      for (const text of [...(role ? [role] : []), ...roleAliases, ...(organisation && kind === 'person' ? [organisation] : [])]) this.addRolePhrases(person, text);
    }
    for (const token of this.nameTokens) this.namesByInitial.set(token.charAt(0), [...(this.namesByInitial.get(token.charAt(0)) ?? []), token]);
  }

  /** A role adds the whole phrase, its runs of two or more words, and its head noun ("president" of "president of Russia"). */
  private addRolePhrases(person: PersonEntry, text: string): void {
    const all = words(text);
    const ofAt = all.indexOf('of');
    const head = ofAt > 0 ? all[ofAt - 1] : all[all.length - 1];
    const tokens = all.filter((w) => !STOPWORDS.has(w)).map(stem);
    if (tokens.length === 0) return;
    this.phrases.push({ person, tokens, kind: 'role', weight: 1 });
    for (let length = tokens.length - 1; length >= 2; length--) {
      for (let from = 0; from + length <= tokens.length; from++) {
        this.phrases.push({ person, tokens: tokens.slice(from, from + length), kind: 'role', weight: 0.9 });
      }
    }
    if (head && tokens.length > 1 && !STOPWORDS.has(head)) this.phrases.push({ person, tokens: [stem(head)], kind: 'role', weight: 0.8 });
  }

  resolve(text: string): PersonResolution {
    const questionWords = words(text);
    // One budget of name comparisons for the whole question, however many words it has.
    const budget = { left: MAX_FUZZY_CANDIDATES };
    const nameAt = questionWords.map((w) => this.nameTokenFor(w, budget));
    countExamined(MAX_FUZZY_CANDIDATES - budget.left);
    const stemAt = questionWords.map((w) => stem(w));
    const byPerson = new Map<PersonEntry, PersonMatch>();
    // Most phrases share no word with the question: a set lookup rules them out before any matching.
    const namesPresent = new Set<string>();
    for (const at of nameAt) if (at) namesPresent.add(at.token);
    const stemsPresent = new Set(stemAt);

    for (const phrase of this.phrases) {
      const present = phrase.kind === 'name' ? namesPresent : stemsPresent;
      if (!phrase.tokens.every((token) => present.has(token))) continue;
      const covered = new Set<number>();
      let typos = 0;
      for (const token of phrase.tokens) {
        const at = questionWords.findIndex((_, i) => !covered.has(i) && (phrase.kind === 'name' ? nameAt[i]?.token === token : stemAt[i] === token));
        if (at < 0) break;
        covered.add(at);
        if (phrase.kind === 'name' && nameAt[at]?.typo) typos++;
      }
      if (covered.size !== phrase.tokens.length) continue;
      const score = phrase.tokens.length * phrase.weight - typos * 0.1;
      const current = byPerson.get(phrase.person);
      if (!current || score > current.score) {
        byPerson.set(phrase.person, { person: phrase.person, score, covered, byRole: phrase.kind === 'role' });
      }
    }
    const matches = [...byPerson.values()].sort((a, b) => b.score - a.score);
    const top = matches[0]?.score ?? 0;
    const best = matches.filter((m) => m.score >= top - 1e-9 && top > 0);
    const meaningful = questionWords.filter((w) => !STOPWORDS.has(w) && !QUESTION_VERBS.has(w) && !TITLE_WORDS.has(w)).length;
    const covered = best[0] ? [...best[0].covered].filter((i) => !TITLE_WORDS.has(questionWords[i] ?? '')).length : 0;
    return { matches, best, coverage: meaningful === 0 ? 0 : Math.min(1, covered / meaningful) };
  }

  /** The known name token a typed word stands for, if any; each comparison spends one of the question's budget. */
  private nameTokenFor(word: string, budget: { left: number }): { token: string; typo: boolean } | undefined {
    if (this.nameTokens.has(word)) return { token: word, typo: false };
    if (word.length < 4 || STOPWORDS.has(word) || QUESTION_VERBS.has(word)) return undefined;
    let best: { token: string; distance: number } | undefined;
    for (const token of this.namesByInitial.get(word.charAt(0)) ?? []) {
      if (budget.left <= 0) break;
      budget.left--;
      const allowance = typoAllowance(Math.min(token.length, word.length));
      const distance = allowance > 0 ? editDistance(word, token, allowance) : Infinity;
      if (distance <= allowance && (!best || distance < best.distance)) best = { token, distance };
    }
    return best && { token: best.token, typo: true };
  }
}
