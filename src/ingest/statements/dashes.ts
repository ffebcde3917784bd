import { DASHES } from '../cues.js';
import type { Doc } from '../document.js';

/** Dashes between words: "—", "–", "--" (two hyphens) or a hyphen set off by spaces. */

/** The first dash at or after `from` and before `before`, or -1. */
export function nextDashBefore(doc: Doc, from: number, before: number): number {
  for (let k = from; k < before; k++) if (isDash(doc, k)) return k;
  return -1;
}

/** The first token of a dash ending at `k` ("—", "–", or the two hyphens of "--"), or -1. */
export function dashEndingAt(doc: Doc, k: number): number {
  const t = doc.tokens[k]?.text ?? '';
  if (DASHES.has(t)) return k;
  return t === '-' && doc.tokens[k - 1]?.text === '-' ? k - 1 : -1;
}

/** A dash between words, a hyphen set off by spaces ("again - falsely") included. */
export function anyDash(doc: Doc, k: number): boolean {
  const t = doc.tokens[k];
  if (!t || t.quote) return false;
  return isDash(doc, k) || (t.text === '-' && /\s/.test(doc.text[t.start - 1] ?? '') && /\s/.test(doc.text[t.end] ?? ''));
}

/** A dash between words: "—", "–", or "--" (read as two hyphens). */
export function isDash(doc: Doc, k: number): boolean {
  const t = doc.tokens[k]?.text ?? '';
  return DASHES.has(t) || (t === '-' && doc.tokens[k + 1]?.text === '-');
}
