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
