import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { doubleList, emptyObjectList, objectList } from '../../src/engine/empty-list.js';

// V8's own predicate: do two arrays share a hidden class (hence an elements kind)? Natives syntax is read when code is parsed.
setFlagsFromString('--allow-natives-syntax');
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b);') as (a: unknown, b: unknown) => boolean;
const ofDoubles = new Function('a', 'return %HasDoubleElements(a);') as (a: unknown) => boolean;

describe('an empty list for sites that see lists of objects', () => {
  const people = [{ name: 'Ilse Marrow' }, { name: 'Tomas Verrell' }];

  it('is empty', () => {
    expect(emptyObjectList()).toEqual([]);
  });

  it('has the hidden class of a list of objects, not the empty literal’s', () => {
    expect(sameMap(emptyObjectList(), people)).toBe(true);
    expect(sameMap(emptyObjectList(), people.filter((p) => p.name === 'nobody'))).toBe(true);
    // What it replaces: a `[]` literal is a list of another kind, which code optimised for lists of people does not expect.
    expect(sameMap([], people)).toBe(false);
  });
});

describe('a list of numbers for sites that see whole and fractional ones', () => {
  it('holds doubles even when every number pushed is whole', () => {
    const weights = doubleList();
    weights.push(2, 3);
    expect(weights).toEqual([2, 3]);
    expect(ofDoubles(weights)).toBe(true);
    // What it replaces: the same whole numbers from `map` are a list of small integers, another kind.
    expect(ofDoubles([1, 2].map((n) => n + 1))).toBe(false);
  });
});

describe('a list of objects of one kind whatever list it is copied from', () => {
  const people = [{ name: 'Ilse Marrow' }, { name: 'Tomas Verrell' }];

  it('holds the same objects in the same order, in a new list', () => {
    const copy = objectList(people);
    expect(copy).toEqual(people);
    expect(copy[0]).toBe(people[0]);
    expect(copy).not.toBe(people);
    expect(objectList([])).toEqual([]);
  });

  it('has the hidden class of a packed list of objects, even from a list with holes or an empty literal', () => {
    const holey = new Array<{ name: string }>(2);
    holey[0] = people[0] as { name: string };
    holey[1] = people[1] as { name: string };
    // What it replaces: a list made with room first has holes, a kind of its own.
    expect(sameMap(holey, people)).toBe(false);
    expect(sameMap(objectList(holey), people)).toBe(true);
    expect(sameMap(objectList([]), people)).toBe(true);
  });
});
