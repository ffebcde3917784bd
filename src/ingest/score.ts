import type { ArticleData } from '../data/schema.js';

/** The hand-written answer key for one fixture (`*.expected.json`). */
export interface Expected {
  /** Marked held out by whoever wrote the fixture (meant to be kept out of rule tuning). */
  heldOut?: boolean;
  /** Free text about the fixture's provenance. */
  note?: string;
  speakers: string[];
  quotes: { speaker: string; kind: 'direct' | 'reported'; quote: string; reportedBy?: string }[];
}

export interface Score {
  expected: number;
  extracted: number;
  matched: number;
  /** Extracted quotes whose words match an expected quote (F1 ≥ 0.8) but whose speaker does not. */
  wrongSpeaker: number;
  /** Extracted quotes whose text is not the article text at their offsets. */
  nonVerbatim: number;
  recall: number;
  precision: number;
  missed: string[];
  spurious: string[];
}

export const MATCH_F1 = 0.8;

const tokens = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Token-overlap F1 (bag of words), the usual lenient span match. */
export function tokenF1(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of tb) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / ta.length;
  const recall = common / tb.length;
  return (2 * precision * recall) / (precision + recall);
}

const nameTokens = (name: string): string[] => tokens(name.replace(/^the\s+/i, '')).filter((t) => t !== 's');

/** Same speaker: equal names, or one name's words all within the other's ("Transport Workers Union" / "the Transport Workers Union"). */
export function sameSpeaker(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return false;
  return ta.every((t) => tb.includes(t)) || tb.every((t) => ta.includes(t));
}

/** Greedy one-to-one matching of extracted quotes against the answer key, best F1 first. */
export function scoreArticle(article: ArticleData, text: string, expected: Expected): Score {
  const names = new Map(article.people.map((p) => [p.id, p.name]));
  // A quote interrupted by its attribution (“A,” she said, “B.”) is scored piece by piece: the pieces are the speaker's words.
  const got = article.quotes.flatMap((q) => {
    const speaker = names.get(q.speaker) ?? q.speaker;
    const verbatim = text.slice(q.start, q.end) === q.text;
    return q.parts ? q.parts.map((p) => ({ speaker, quote: text.slice(p.start, p.end), verbatim })) : [{ speaker, quote: q.text, verbatim }];
  });
  const pairs: { e: number; g: number; f1: number }[] = [];
  expected.quotes.forEach((eq, e) => {
    got.forEach((gq, g) => {
      const f1 = tokenF1(gq.quote, eq.quote);
      if (f1 >= MATCH_F1 && sameSpeaker(gq.speaker, eq.speaker)) pairs.push({ e, g, f1 });
    });
  });
  pairs.sort((x, y) => y.f1 - x.f1);
  const usedE = new Set<number>();
  const usedG = new Set<number>();
  for (const pair of pairs) {
    if (usedE.has(pair.e) || usedG.has(pair.g)) continue;
    usedE.add(pair.e);
    usedG.add(pair.g);
  }
  let wrongSpeaker = 0;
  got.forEach((gq, g) => {
    if (usedG.has(g)) return;
    if (expected.quotes.some((eq) => tokenF1(gq.quote, eq.quote) >= MATCH_F1 && !sameSpeaker(gq.speaker, eq.speaker))) wrongSpeaker++;
  });
  const matched = usedE.size;
  return {
    expected: expected.quotes.length,
    extracted: got.length,
    matched,
    wrongSpeaker,
    nonVerbatim: got.filter((g) => !g.verbatim).length,
    recall: expected.quotes.length ? matched / expected.quotes.length : 1,
    precision: got.length ? matched / got.length : 1,
    missed: expected.quotes.filter((_, e) => !usedE.has(e)).map((q) => `${q.speaker}: ${q.quote}`),
    spurious: got.filter((_, g) => !usedG.has(g)).map((q) => `${q.speaker}: ${q.quote}`),
  };
}

/** The hand-checked article JSON as an answer key, so the seed is scored like a fixture. */
export function expectedFromArticle(article: ArticleData): Expected {
  const names = new Map(article.people.map((p) => [p.id, p.name]));
  return {
    speakers: [...new Set(article.quotes.map((q) => names.get(q.speaker) ?? q.speaker))],
    quotes: article.quotes.map((q) => ({
      speaker: names.get(q.speaker) ?? q.speaker,
      kind: q.kind,
      quote: q.text,
      ...(q.reportedBy ? { reportedBy: names.get(q.reportedBy) ?? q.reportedBy } : {}),
    })),
  };
}

export function total(scores: readonly Score[]): Score {
  const sum = (key: 'expected' | 'extracted' | 'matched' | 'wrongSpeaker' | 'nonVerbatim'): number => scores.reduce((n, s) => n + s[key], 0);
  const expected = sum('expected');
  const extracted = sum('extracted');
  const matched = sum('matched');
  return {
    expected,
    extracted,
    matched,
    wrongSpeaker: sum('wrongSpeaker'),
    nonVerbatim: sum('nonVerbatim'),
    recall: expected ? matched / expected : 1,
    precision: extracted ? matched / extracted : 1,
    missed: scores.flatMap((s) => s.missed),
    spurious: scores.flatMap((s) => s.spurious),
  };
}
