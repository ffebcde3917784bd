/**
 * Hostile inputs for bench/adversarial.ts, generated deterministically: questions up to 300
 * characters and autocomplete text up to 100, in the shapes that cost a matcher the most.
 */
import { generateArticle } from '../generate-articles.js';

const MAX_QUESTION = 300;
const MAX_TYPED = 100;

/** Deterministic, so every run tries the same inputs. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const COMMON = (
  'the people government minister said would about their there which president country because through ' +
  'negotiations agreement question important official spokesman ministry between against national ' +
  'security economy election development international conference statement yesterday announcement'
).split(' ');

export function adversarialQuestions(count: number, articles: number, seed = 1): string[] {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const letters = (n: number, alphabet = 'abcdefghijklmnopqrstuvwxyz') => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
  const misspell = (word: string) => {
    const chars = [...word];
    for (let edits = 1 + Math.floor(rand() * 2); edits > 0; edits--) {
      const at = Math.floor(rand() * chars.length);
      const kind = rand();
      if (kind < 0.4) chars[at] = letters(1);
      else if (kind < 0.7) chars.splice(at, 0, letters(1));
      else chars.splice(at, 1);
    }
    return chars.join('');
  };
  const fill = (next: () => string, limit = MAX_QUESTION) => {
    let text = next();
    for (let word = next(); text.length + 1 + word.length <= limit; word = next()) text += ` ${word}`;
    return text.slice(0, limit);
  };
  const nameOf = () => {
    const { data } = generateArticle(Math.floor(rand() * articles));
    return pick(data.people).name;
  };
  const shapes: (() => string)[] = [
    () => fill(() => misspell(pick(COMMON))),
    () => fill(() => letters(5 + Math.floor(rand() * 12))),
    () => letters(MAX_QUESTION),
    () => `what did ${fill(() => misspell(nameOf()), 200)} say about ${fill(() => misspell(pick(COMMON)), 90)}`,
    () => `who said "${fill(() => misspell(pick(COMMON)), 280)}"`,
    () => fill(() => `${letters(1)}${'.,;!?'.repeat(3)}`),
    () => fill(() => letters(3 + Math.floor(rand() * 8), 'абвгдежзийклмнопрстуфхцчшщыэюя')),
    () => fill(() => misspell(nameOf().split(' ').pop() ?? 'x')),
    () => fill(() => `${misspell(pick(COMMON))}${letters(20)}`),
    () => `who is ${letters(290)}`,
  ];
  return Array.from({ length: count }, (_, i) => (shapes[i % shapes.length] as () => string)());
}

export function adversarialTyping(count: number, seed = 2): string[] {
  const rand = random(seed);
  const letters = (n: number) => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz  '[Math.floor(rand() * 28)]).join('');
  const shapes: (() => string)[] = [
    () => letters(MAX_TYPED),
    () => letters(1 + Math.floor(rand() * MAX_TYPED)),
    () => 'a'.repeat(1 + Math.floor(rand() * MAX_TYPED)),
    () => letters(1),
    () => Array.from({ length: 50 }, () => letters(1)).join(' ').slice(0, MAX_TYPED),
    () => `${COMMON[Math.floor(rand() * COMMON.length)]} `.repeat(12).slice(0, MAX_TYPED),
    () => 'x'.repeat(MAX_TYPED),
    () => letters(3 + Math.floor(rand() * 5)),
  ];
  return Array.from({ length: count }, (_, i) => (shapes[i % shapes.length] as () => string)());
}
