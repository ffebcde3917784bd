/**
 * An empty list of the elements kind lists of objects have. A `[]` literal starts as a list of small
 * integers, a kind of its own: optimised code that has seen lists of objects at a site is thrown away
 * ("wrong map") when the empty literal reaches it, and is recompiled, again and again while both keep
 * coming. A shared empty list made here reaches such sites with the objects' kind. Never push to it.
 */
export function emptyObjectList<T extends object>(): readonly T[] {
  const list: (T | null)[] = [null];
  list.pop();
  return list as readonly T[];
}

/**
 * An empty list of numbers that stays a list of doubles whatever is pushed: one built by `map` is a list of
 * small integers when every value is whole and of doubles otherwise, two kinds that throw away each
 * other's optimised code at the sites that read them.
 */
export function doubleList(): number[] {
  const list = [0.5];
  list.pop();
  return list;
}

/**
 * The objects as a list of the one elements kind `emptyObjectList` has. Lists of people reach the ranking from
 * `map`, `filter`, a spread Set and `slice`, which make lists of different kinds (packed or with holes); each
 * new kind at a site reading them throws its optimised code away. A copy of a few objects costs less.
 */
export function objectList<T extends object>(items: readonly T[]): readonly T[] {
  const list: (T | null)[] = [null];
  list.pop();
  for (const item of items) list.push(item);
  return list as readonly T[];
}
