/**
 * Binary search over a list in order: the number of leading items that `before` holds for (`before` holds for a
 * prefix of the list and for nothing after it). Look-ups by offset stay logarithmic in texts of thousands of items.
 */
export function countBefore<T>(list: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
