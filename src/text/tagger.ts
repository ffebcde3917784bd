import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Range } from './range.js';

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
 * ''quoted'' and ‘quoted’ words as words; apostrophes inside words are kept.
 */
function forTagging(text: string): string {
  return text
    .replace(/[“”„«»]/g, '"')
    .replace(/''|``/g, '""')
    .replace(/(^|[^\p{L}\p{N}])[‘’'](?=\p{L}|\d)/gu, '$1"')
    .replace(/(?<=[.,!?;:])[’']/gu, '"');
}

/** Every token of `text` with its offsets, part of speech and lemma (pure: same text, same tokens). */
export function tagText(text: string): TaggedToken[] {
  const tagger = load();
  const its = tagger.its;
  const normalised = forTagging(text);
  const doc = tagger.readDoc(normalised);
  const tokens = doc.tokens();
  const values = tokens.out();
  const pos = tokens.out(its.pos) as Pos[];
  // wink-nlp 2.4's typings declare `its.lemma` with another signature than `out` accepts; it works as documented.
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>);
  const out: TaggedToken[] = [];
  let cursor = 0;
  values.forEach((value, i) => {
    // Offsets by search from the previous token, past white space: the tagger drops characters such as a
    // byte-order mark or a zero-width space, so a token may also start a little further on.
    if (!value.trim()) return; // white space the tagger keeps as a token of its own
    while (cursor < normalised.length && /[\s\u200B-\u200D\u2060\uFEFF]/.test(normalised[cursor] ?? '')) cursor++;
    const at = normalised.startsWith(value, cursor) ? cursor : normalised.indexOf(value, cursor);
    const start = at >= 0 && at - cursor < 8 ? at : cursor;
    const end = Math.min(text.length, start + value.length);
    cursor = end;
    out.push({ start, end, text: text.slice(start, end), pos: pos[i] ?? 'X', lemma: (lemmas[i] ?? value).toLowerCase() });
  });
  return out;
}
