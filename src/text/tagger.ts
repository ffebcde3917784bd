import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Range } from './range.js';
import { ABBREVIATIONS } from './words.js';

/**
 * Part-of-speech tags and lemmas from wink-nlp's English model (measured against compromise and against
 * hand-written rules on real news: see the README). The model loads once, on first use (about half a second).
 */

/** Universal POS tags, as wink-nlp gives them. */
export type Pos = 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

export interface TaggedToken extends Range {
  text: string;
  pos: Pos;
  /** Lower-case base form ("said" → "say", "reporters" → "reporter"). */
  lemma: string;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

function load(): Nlp {
  nlp ??= winkNLP(model, ['pos']);
  return nlp;
}

/**
 * Quotation marks of every style become one straight double mark of the same length, so the tagger reads
 * ''quoted'' and ‘quoted’ words as words; apostrophes inside words are kept. Same length, so offsets hold.
 */
function forTagging(text: string): string {
  return text
    .replace(/[“”„«»]/g, '"')
    .replace(/''|``/g, '""')
    .replace(/(^|[^\p{L}\p{N}])[‘’'](?=\p{L}|\d)/gu, '$1"')
    .replace(/(?<=[.,!?;:])[’']/gu, '"')
    // Text decoded twice (UTF-8 bytes read one byte a letter) spells "é" as "Ã©" (its "Ã" perhaps decomposed, "A" + a combining
    // tilde): the accent and the mark after it are letters of the word.
    .replace(/(?<=[ÂÃ]|[AÂÃ]\p{M})[\u0080-\u00BF]/gu, 'e')
    .replace(/(?<=\p{L})\p{M}/gu, 'e');
}

/**
 * The text cut into the pieces the tagger should see, each with its offset: words (with inner apostrophes, hyphens
 * and dots: "O'Neill", "U.S."), clitics apart ("CNN" + "'s", "do" + "n't"), numbers ("4,000"), one mark at a time.
 * wink-nlp's own tokenizer consults a cache that grows with every text it reads, so the same text could be cut
 * differently later in a long-running process; handing it pieces it cannot cut further keeps tagging a pure function.
 */
// Invisible format marks (direction marks, soft hyphens: \p{Cf}) are no pieces, as spaces are none.
const PIECE = /\d[\d,.]*\d|[\p{L}\p{N}]+(?:[.'’&-][\p{L}\p{N}]+)*\.?|\.{2,}|[^\s\p{Cf}]/gu;
const CLITIC = /(?:n['’]t|['’](?:s|re|ll|ve|d|m))$/i;

function pieces(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  for (const match of text.matchAll(PIECE)) {
    let value = match[0];
    const start = match.index ?? 0;
    // A final stop stays only on an abbreviation or an initial ("Mr.", "U.S.", "J.").
    if (value.length > 1 && value.endsWith('.') && /[\p{L}]/u.test(value) && !keepsStop(value)) value = value.slice(0, -1);
    const clitic = CLITIC.exec(value);
    if (clitic && clitic.index > 0 && /\p{L}/u.test(value.slice(0, clitic.index))) {
      out.push({ text: value.slice(0, clitic.index), start });
      out.push({ text: clitic[0], start: start + clitic.index });
    } else out.push({ text: value, start });
    if (value.length < match[0].length) out.push({ text: '.', start: start + value.length });
  }
  return out;
}

function keepsStop(value: string): boolean {
  const bare = value.slice(0, -1);
  return ABBREVIATIONS.has(bare.toLowerCase()) || bare.includes('.') || /^\p{Lu}$/u.test(bare);
}

/** Every token of `text` with its offsets, part of speech and lemma (pure: same text, same tokens). */
export function tagText(text: string): TaggedToken[] {
  const tagger = load();
  const its = tagger.its;
  const normalised = forTagging(text);
  const parts = pieces(normalised);
  const doc = tagger.readDoc(parts.map((p) => p.text).join(' '));
  const tokens = doc.tokens();
  const values = tokens.out();
  const pos = tokens.out(its.pos) as Pos[];
  // wink-nlp 2.4's typings declare `its.lemma` with another signature than `out` accepts; it works as documented.
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>);
  const out: TaggedToken[] = [];
  // Each piece is one token, or (rarely) several the tagger still cut it into: map them back in order.
  let p = 0;
  let within = 0;
  values.forEach((value, i) => {
    if (!value.trim()) return;
    const piece = parts[p];
    if (!piece) return;
    const at = piece.text.indexOf(value, within);
    const offset = at >= 0 ? at : within;
    const start = piece.start + offset;
    const end = Math.min(piece.start + piece.text.length, start + value.length);
    within = offset + value.length;
    if (within >= piece.text.length) {
      p++;
      within = 0;
    }
    if (end > start) out.push({ start, end, text: text.slice(start, end), pos: pos[i] ?? 'X', lemma: (lemmas[i] ?? value).toLowerCase() });
  });
  return out;
}
