import { clauseAfter, endClause, participleClause, speechVerbs, splitContinuations, type VerbHit } from './clauses.js';
import { nameRuns, resolveRun } from './mentions.js';
import type { Entity, Registry } from './registry.js';
import { resolveSubject } from './subject.js';
import { directQuoteRange, trimRange, words, type QuoteSpan, type Range } from './text.js';

export interface Statement {
  speaker: Entity | null;
  kind: 'direct' | 'reported';
  range: Range;
  paragraph: number;
  reportedBy?: Entity;
  /** The sentence it was found in, for reporting what could not be attributed. */
  sentence: Range;
}

export interface ParagraphInput {
  text: string;
  registry: Registry;
  number: number;
  range: Range;
  spans: QuoteSpan[];
  sentences: Range[];
  /** Speaker of an unclosed quotation that ended the previous paragraph (it continues here). */
  carry: Entity | null;
}

const MEDIA_PHRASE = /\b(?:news|news agency|newspaper|reports?|minutes|data|figures|documents|sources|estimates|survey|poll|statistics)\b/i;
const ACCORDING = /^(?:also\s+)?according to\s+/i;
const FIRST_PERSON = /^(?:i|we|you|he|she|they|it|this|that)\b/i;

/** Direct and reported statements of one paragraph, sentence by sentence in text order. */
export function paragraphStatements(input: ParagraphInput): Statement[] {
  const out: Statement[] = [];
  const directs: { span: QuoteSpan; statement: Statement }[] = [];
  for (const sentence of input.sentences) {
    for (const span of input.spans) {
      if (!span.standalone || span.open < sentence.start || span.open >= sentence.end) continue;
      const range = directQuoteRange(input.text, span);
      if (range.end <= range.start || !/\p{L}/u.test(input.text.slice(range.start, range.end))) continue;
      const statement: Statement = { speaker: attributeDirect(input, span, sentence), kind: 'direct', range, paragraph: input.number, sentence };
      directs.push({ span, statement });
      out.push(statement);
    }
    out.push(...reportedInSentence(input, sentence));
  }
  inheritSpeakers(directs, out, input.carry);
  for (const statement of [...out]) {
    if (statement.speaker) out.push(...secondHand(input, statement));
  }
  return out.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
}

/** A quotation without its own attribution belongs to the quote next to it, else the paragraph's last speaker. */
function inheritSpeakers(directs: { span: QuoteSpan; statement: Statement }[], all: Statement[], carry: Entity | null): void {
  directs.forEach(({ statement }, i) => {
    if (statement.speaker) return;
    const previous = directs[i - 1]?.statement.speaker;
    const next = directs.slice(i + 1).find((d) => d.statement.speaker)?.statement.speaker;
    const earlier = all.filter((s) => s.speaker && s.range.start < statement.range.start && s.kind === 'reported');
    statement.speaker = previous ?? next ?? earlier[earlier.length - 1]?.speaker ?? (i === 0 ? carry : null);
  });
}

function attributeDirect(input: ParagraphInput, span: QuoteSpan, sentence: Range): Entity | null {
  const { text, spans } = input;
  const inSentence = spans.filter((s) => s.standalone && s.open >= sentence.start && s.open < sentence.end);
  const index = inSentence.indexOf(span);
  // After: “…,” X said. / “…,” said X, role.
  if (span.close !== null && text[span.close - 1] !== '.') {
    const gap = { start: span.close + 1, end: inSentence[index + 1]?.open ?? sentence.end };
    const verb = speechVerbs(text, gap, spans, true)[0];
    if (verb && words(text, { start: gap.start, end: verb.start }).length <= 12) {
      const speaker = subjectAround(input, gap, verb);
      if (speaker) return speaker;
    }
  }
  // Before: X said: “…” / “…,” he said, “…”.
  const leadStart = index > 0 ? (inSentence[index - 1]?.close ?? sentence.start) + 1 : sentence.start;
  const lead = trimRange(text, { start: leadStart, end: span.open });
  if (/[:,]$/.test(text.slice(lead.start, lead.end))) {
    const verbs = speechVerbs(text, lead, spans, true);
    const verb = verbs[verbs.length - 1];
    if (verb) return subjectAround(input, lead, verb);
  }
  return null;
}

/** The speaker named before the verb ("Ms Okafor told"), or after it when inverted ("said Anna Lindqvist, …"). */
function subjectAround(input: ParagraphInput, gap: Range, verb: VerbHit): Entity | null {
  const before = trimRange(input.text, { start: gap.start, end: verb.start });
  if (words(input.text, before).length > 0) return resolveSubject(input.text, input.registry, before);
  const after = { start: verb.end, end: gap.end };
  const stop = input.text.slice(after.start, after.end).search(/[.!?]\s*$/);
  return resolveSubject(input.text, input.registry, { start: after.start, end: stop >= 0 ? after.start + stop : after.end }, true);
}

function reportedInSentence(input: ParagraphInput, sentence: Range): Statement[] {
  const { text, spans } = input;
  // ", while the ministry said …" starts a new subject; so does ", and the operator warned …"
  // (only when a speech verb follows: ", and costs rose" may be part of a reported clause).
  const segments: Range[] = [];
  let start = sentence.start;
  for (const match of text.slice(sentence.start, sentence.end).matchAll(/,\s+(?:while|whereas|and|but)\s+|;\s+/g)) {
    const at = sentence.start + (match.index ?? 0);
    if (spans.some((s) => at > s.open && at < (s.close ?? Infinity))) continue;
    const rest = { start: at + match[0].length, end: sentence.end };
    if (!/while|whereas/.test(match[0]) && speechVerbs(text, rest, spans).length === 0) continue;
    segments.push({ start, end: at });
    start = at + match[0].length;
  }
  segments.push({ start, end: sentence.end });
  return segments.flatMap((segment) => reportedInSegment(input, segment, sentence));
}

function reportedInSegment(input: ParagraphInput, segment: Range, sentence: Range): Statement[] {
  const { text, registry, spans } = input;
  const statement = (speaker: Entity | null, range: Range): Statement => ({ speaker, kind: 'reported', range, paragraph: input.number, sentence });
  let cursor = segment.start;
  const according = ACCORDING.exec(text.slice(segment.start, segment.end));
  if (according) {
    const parsed = accordingTo(input, { start: segment.start + according[0].length, end: segment.end });
    if (parsed && !parsed.media) {
      const clause = endClause(text, { start: parsed.clauseStart, end: segment.end }, spans);
      return clause ? [statement(resolveSubject(text, registry, parsed.who), clause)] : [];
    }
    if (parsed) cursor = parsed.clauseStart;
  }
  const standaloneBefore = (at: number): number =>
    Math.max(cursor, ...spans.filter((s) => s.standalone && s.close !== null && s.close < at && s.close >= segment.start).map((s) => (s.close ?? 0) + 1));
  const verbs = speechVerbs(text, { start: cursor, end: segment.end }, spans);
  for (const [n, verb] of verbs.entries()) {
    const subjectRange = trimRange(text, { start: standaloneBefore(verb.start), end: verb.start });
    if (words(text, subjectRange).length === 0) continue; // inverted attribution of a quotation: "…,” said X
    const nextQuote = spans.find((s) => s.standalone && s.open > verb.end && s.open < segment.end);
    const limit = nextQuote?.open ?? segment.end;
    const clause = clauseAfter(text, verb, limit, spans);
    const speaker = resolveSubject(text, registry, subjectRange);
    if (clause && !speaker) {
      const backward = trailingAttribution(input, segment, cursor, verb, subjectRange);
      if (backward) return [backward];
      if (n < verbs.length - 1) continue; // a later verb may have the real subject
    }
    if (clause) return splitContinuations(text, clause, spans).map((part) => statement(speaker, part));
    const backward = trailingAttribution(input, segment, cursor, verb, subjectRange);
    if (backward) return [backward];
    const participle = participleClause(text, { start: verb.end, end: limit }, spans);
    return participle && speaker ? [statement(speaker, participle)] : [];
  }
  // "The Bank of Eastland kept its rate …, saying that …": the sentence's first name speaks.
  const participle = participleClause(text, { start: cursor, end: segment.end }, spans);
  if (!participle) return [];
  const run = nameRuns(text, { start: cursor, end: participle.start }).find((r) => !r.possessive && !r.media);
  const speaker = run ? resolveRun(registry, run, false) : null;
  return [statement(speaker, participle)];
}

/** "CLAUSE, the ministry said on Monday." — the clause comes first, the speaker after the last comma. */
function trailingAttribution(input: ParagraphInput, segment: Range, cursor: number, verb: VerbHit, subject: Range): Statement | null {
  const { text, spans, registry } = input;
  if (spans.some((s) => s.standalone && s.open >= segment.start && s.open < verb.start)) return null;
  const after = text.slice(verb.end, segment.end);
  if (/\bthat\b|[:“"]/.test(after) || words(text, { start: verb.end, end: segment.end }).length > 6) return null;
  const comma = text.lastIndexOf(',', subject.end);
  if (comma <= cursor) return null;
  const clause = endClause(text, { start: cursor, end: comma }, spans);
  if (!clause || words(text, clause).length < 4) return null;
  const before = trimRange(text, { start: comma + 1, end: subject.end });
  // "CLAUSE, said Anna Berg." names the speaker after the verb.
  const speaker =
    words(text, before).length > 0
      ? resolveSubject(text, registry, before)
      : resolveSubject(text, registry, endClause(text, { start: verb.end, end: segment.end }, spans) ?? before, true);
  if (!speaker || speaker.media) return null;
  return { speaker, kind: 'reported', range: clause, paragraph: input.number, sentence: segment };
}

/** "According to X, …": who X is (a name may follow a role: "the summit’s president, Jorge Almeida,"). */
function accordingTo(input: ParagraphInput, rest: Range): { who: Range; clauseStart: number; media: boolean } | null {
  const { text } = input;
  const comma1 = text.indexOf(',', rest.start);
  if (comma1 < 0 || comma1 >= rest.end) return null;
  let who: Range = { start: rest.start, end: comma1 };
  let clauseStart = comma1 + 1;
  const comma2 = text.indexOf(',', comma1 + 1);
  if (comma2 > 0 && comma2 < rest.end) {
    const next = trimRange(text, { start: comma1 + 1, end: comma2 });
    const runs = nameRuns(text, next);
    const nameAfterRole = nameRuns(text, who).length === 0 && runs.length === 1 && runs[0]?.kind === 'person' && words(text, next).length <= 4;
    // "According to the Plunkett Foundation, which supports …, the number …": the relative clause belongs to X.
    const relative = /^(?:which|who)\b/.test(text.slice(next.start, next.end));
    if (nameAfterRole || relative) clauseStart = comma2 + 1;
    if (nameAfterRole) who = { start: rest.start, end: comma2 };
  }
  const phrase = text.slice(who.start, who.end);
  const media = nameRuns(text, who).some((r) => r.media) || MEDIA_PHRASE.test(phrase);
  return { who, clauseStart: trimRange(text, { start: clauseStart, end: rest.end }).start, media };
}

/** “President Trump said … that it would happen …,” Leavitt said → Trump said it, reported by Leavitt. */
function secondHand(input: ParagraphInput, outer: Statement): Statement[] {
  const { text, registry } = input;
  const inner = outer.range;
  const nested = input.spans.filter((s) => s.open >= inner.start && (s.close ?? Infinity) <= inner.end);
  const verb = speechVerbs(text, inner, nested)[0];
  if (!verb || !outer.speaker) return [];
  const subject = trimRange(text, { start: inner.start, end: verb.start });
  const subjectText = text.slice(subject.start, subject.end);
  if (!subjectText || FIRST_PERSON.test(subjectText) || nameRuns(text, subject).length === 0) return [];
  const clause = clauseAfter(text, verb, inner.end, nested);
  if (!clause) return [];
  const speaker = resolveSubject(text, registry, subject);
  if (!speaker || speaker === outer.speaker) return [];
  return splitContinuations(text, clause, nested).map((range) => ({ speaker, kind: 'reported' as const, range, paragraph: outer.paragraph, reportedBy: outer.speaker ?? undefined, sentence: outer.sentence }));
}
