import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBefore, editDistance, foldedWords, foldedWordText, foldText, inflections, speechFrame, speechLemma, splitSentences, stem, tagText, wordsIn } from '../../src/text/index.js';

const sentencesOf = (text: string, protect: { start: number; end: number }[] = []): string[] =>
  splitSentences(text, { start: 0, end: text.length }, protect).map((r) => text.slice(r.start, r.end));

describe('GIVEN a paragraph to split into sentences', () => {
  it('THEN titles and initials do not end a sentence, but a stop before a capital does', () => {
    expect(sentencesOf('Mr. Lund met Sen. J. R. Ortiz on Monday. They spoke for an hour.')).toEqual([
      'Mr. Lund met Sen. J. R. Ortiz on Monday.',
      'They spoke for an hour.',
    ]);
  });

  it('THEN an abbreviation ends a sentence only when a capitalised function word follows', () => {
    expect(sentencesOf('She moved to the U.S. The move was hard.')).toEqual(['She moved to the U.S.', 'The move was hard.']);
    expect(sentencesOf('He works in Tampa, Fla. Boats are his trade.')).toEqual(['He works in Tampa, Fla. Boats are his trade.']);
  });

  it('THEN a web address is a word: its stop ends the sentence, and an opening mark does not hide the function word after it', () => {
    expect(sentencesOf('She edits Harborwatch.com. "Boats are our trade," she said.')).toEqual(['She edits Harborwatch.com.', '"Boats are our trade," she said.']);
    expect(sentencesOf('She moved to the U.S. "We like it," she said.')).toEqual(['She moved to the U.S.', '"We like it," she said.']);
    expect(sentencesOf('The U.S. "war on rust" goes on.')).toEqual(['The U.S. "war on rust" goes on.']);
  });

  it('THEN a quotation of several sentences stays whole, and a closing mark ends with its sentence', () => {
    const text = '“We tried. We failed,” she said. “Next year.” It rained.';
    const protect = [
      { start: 0, end: text.indexOf('”') + 1 },
      { start: text.indexOf('“Next'), end: text.indexOf('year.”') + 6 },
    ];
    expect(sentencesOf(text, protect)).toEqual(['“We tried. We failed,” she said.', '“Next year.”', 'It rained.']);
  });
});

describe('GIVEN words of news English', () => {
  it('THEN every form of a speech verb leads to its lemma, and other words to none', () => {
    for (const form of inflections('warn')) expect(speechLemma(form)).toBe('warn');
    expect(speechLemma('said')).toBe('say');
    expect(speechLemma('Told')).toBe('tell');
    expect(speechLemma('argues')).toBe('argue');
    expect(speechLemma('replied')).toBe('reply');
    expect(speechLemma('table')).toBeNull();
  });

  it('THEN the frame says where the statement begins', () => {
    expect(speechFrame('say')).toBe('clause');
    expect(speechFrame('tell')).toBe('addressee');
    expect(speechFrame('call')).toBe('object');
  });

  it('THEN words keep the stop of abbreviations and initials only', () => {
    expect(wordsIn('Dr. Ana J. Ruiz, Inc. staff.', { start: 0, end: 28 }).map((w) => w.text)).toEqual(['Dr.', 'Ana', 'J.', 'Ruiz', 'Inc.', 'staff']);
    expect(foldedWords('Kiev’s “Café” deal')).toEqual(['kiev', 'cafe', 'deal']);
    expect(stem('negotiations')).toBe(stem('negotiate'));
  });
});

describe('GIVEN any text to split into folded words', () => {
  /** The words as the regular expressions say them: the one-pass reading must agree. */
  const reference = (text: string): string[] =>
    foldText(text)
      .replace(/'s\b/g, '')
      .replace(/'/g, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const piece = fc.constantFrom('a', 'B', 'é', 'ß', '1', ' ', "'", '’', 's', ',', '-', '“', '\u200b', 'Ǆ', '\n', '😀', '中', 'x');
  it('THEN foldedWords and foldedWordText give the same words, whatever the characters', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), (text) => {
        expect(foldedWords(text)).toEqual(reference(text));
        expect(foldedWordText(text)).toBe(` ${reference(text).map((w) => `${w} `).join('')}`);
      }),
      { numRuns: 2000 },
    );
    expect(foldedWordText('The union’s “deal”, isn’t it?')).toBe(' the union deal isnt it ');
  });
});

describe('GIVEN the bounded edit distance', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 10 });
  it('THEN it is symmetric, zero only for equal words, and a bound only caps it', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const full = editDistance(a, b, 20);
        expect(editDistance(b, a, 20)).toBe(full);
        expect(full === 0).toBe(a === b);
        expect(editDistance(a, b, max)).toBe(Math.min(full, max + 1));
      }),
      { numRuns: 1000 },
    );
    expect(editDistance('ortiz', 'otriz', 1)).toBe(1);
  });
});

describe('GIVEN a text to tag', () => {
  const text = "''It works,'' the engineer Ana Ruiz said. Critics say the plan, which she calls ‘a mess,’ fails.";
  const tokens = tagText(text);
  it('THEN every token is the text at its offsets', () => {
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
  it('THEN speech verbs are verbs with their lemma, names are proper nouns', () => {
    const by = (w: string) => tokens.find((t) => t.text === w);
    expect(by('said')).toMatchObject({ pos: 'VERB', lemma: 'say' });
    expect(by('calls')).toMatchObject({ pos: 'VERB', lemma: 'call' });
    expect(by('Ruiz')?.pos).toBe('PROPN');
    expect(by('plan')?.pos).toBe('NOUN');
  });
});

describe('GIVEN texts tagged one after another in a long-running process', () => {
  it('THEN a text is cut and tagged the same whatever was tagged before it', () => {
    const text = 'She spoke on Zorbex’s show on Sunday.';
    const before = tagText(text).map((t) => `${t.text}/${t.pos}`);
    // The tagger's own tokenizer learns words it has seen: "Zorbex’s," would later keep "Zorbex’s" whole.
    tagText('Zorbex’s, and Zorbex’s.');
    expect(tagText(text).map((t) => `${t.text}/${t.pos}`)).toEqual(before);
    expect(before.slice(3, 5)).toEqual(['Zorbex/PROPN', '’s/PART']);
  });
});


describe('GIVEN a list in order to search', () => {
  it('THEN countBefore is the number of leading items before the bound, as a linear count finds it', () => {
    expect(countBefore([], () => true)).toBe(0);
    expect(countBefore([1, 3, 3, 7], (v) => v < 3)).toBe(1);
    expect(countBefore([1, 3, 3, 7], (v) => v <= 3)).toBe(3);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (values, bound) => {
        const sorted = [...values].sort((a, b) => a - b);
        expect(countBefore(sorted, (v) => v < bound)).toBe(sorted.filter((v) => v < bound).length);
        expect(countBefore(sorted, (v) => v <= bound)).toBe(sorted.filter((v) => v <= bound).length);
      }),
    );
  });
});
