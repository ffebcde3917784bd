/** A span of a text: UTF-16 offsets, end exclusive, as `String.prototype.slice` takes them. */
export interface Range {
  start: number;
  end: number;
}

/** The range without the white space at either end. */
export function trimRange(text: string, range: Range): Range {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/** `index` lies in one of `ranges` (end exclusive). */
export function within(ranges: readonly Range[], index: number): boolean {
  return ranges.some((r) => index >= r.start && index < r.end);
}

/** The ranges in text order, any that overlap or repeat another merged into it: each starts after the one before ends. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last && range.start < last.end) last.end = Math.max(last.end, range.end);
    else out.push({ start: range.start, end: range.end });
  }
  return out;
}
