import { PART_SEPARATOR } from '../../src/engine/index.js';

/**
 * A quote as a reply shows it is article text, but for a quotation mark the reply may add at either
 * end to balance one the quoted span cuts through (see balanceQuotationMarks); such a mark is only
 * allowed where the span itself leaves a mark open. A quote shown in pieces (its attribution left
 * out, the pieces joined by PART_SEPARATOR) is article text when each piece is.
 */
export function isShownArticleText(shown: string, texts: readonly string[]): boolean {
  return shown.split(PART_SEPARATOR).every((piece) => isShownPiece(piece, texts));
}

function isShownPiece(shown: string, texts: readonly string[]): boolean {
  const unbalanced = (text: string): boolean => (text.match(/“/g) ?? []).length !== (text.match(/”/g) ?? []).length || (text.match(/"/g) ?? []).length % 2 === 1;
  const start = shown.replace(/^[“"]/, '');
  const end = shown.replace(/[”"]$/, '');
  const both = start.replace(/[”"]$/, '');
  const spans = [shown, ...[start, end, both].filter((span) => span !== shown && unbalanced(span))];
  return spans.some((span) => span.trim() !== '' && texts.some((text) => text.includes(span)));
}
