import { trimRange, type Range } from '../text/index.js';

export interface Layout {
  title: string;
  standfirst: string | null;
  standfirstRange: Range | null;
  paragraphs: Range[];
}

/**
 * Line 1 is the title. Line 2 is a standfirst only when a blank line follows it (the usual
 * "headline / dek / blank / body" shape); otherwise line 2 is already the first body paragraph.
 * Every other non-blank line is one body paragraph.
 */
export function layout(text: string): Layout {
  const lines: Range[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      lines.push({ start, end: i });
      start = i + 1;
    }
  }
  const trimmed = lines.map((line) => trimRange(text, line));
  const isBlank = (i: number): boolean => {
    const line = trimmed[i];
    return line === undefined || line.end <= line.start;
  };
  const first = trimmed[0];
  const title = first ? text.slice(first.start, first.end) : '';
  let bodyFrom = 1;
  let standfirstRange: Range | null = null;
  const second = trimmed[1];
  if (second && !isBlank(1) && lines.length > 2 && isBlank(2)) {
    standfirstRange = second;
    bodyFrom = 3;
  }
  const paragraphs = trimmed.slice(bodyFrom).filter((line) => line.end > line.start);
  const standfirst = standfirstRange ? text.slice(standfirstRange.start, standfirstRange.end) : null;
  return { title, standfirst, standfirstRange, paragraphs };
}
