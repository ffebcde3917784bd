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
const FIRST_PERSON = /^(?:i|we|you|he|she|they|it|this|that|everyone|everybody|nobody|someone|somebody|people)\b/i;

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
  const tail = attributionTail(text, verb, segment);
  if (/\bthat\b|[:“"]/.test(text.slice(tail.start, tail.end)) || words(text, tail).length > 6) return null;
  const comma = attributionStart(text, cursor, subject);
  if (comma <= cursor) return null;
  const clause = endClause(text, { start: cursor, end: comma }, spans);
  if (!clause || words(text, clause).length < 4) return null;
  const before = trimRange(text, { start: comma + 1, end: subject.end });
  // "CLAUSE, said Anna Berg." names the speaker after the verb.
  const speaker =
    words(text, before).length > 0
      ? resolveSubject(text, registry, before)
      : resolveSubject(text, registry, endClause(text, tail, spans) ?? before, true);
  if (!speaker || speaker.media) return null;
  return { speaker, kind: 'reported', range: clause, paragraph: input.number, sentence: segment };
}

/**
 * What follows the verb of a trailing attribution, up to a participle phrase that only adds to it:
 * "…, the ministry said on Wednesday, urging residents to …" ends at "Wednesday".
 */
function attributionTail(text: string, verb: VerbHit, segment: Range): Range {
  const participle = /,\s+\p{Ll}+ing\b/u.exec(text.slice(verb.end, segment.end));
  return { start: verb.end, end: participle ? verb.end + participle.index : segment.end };
}

const APPOSITION_OPENER = /^(?:the|a|an|his|her|its|their|our|my)\s/i;

/**
 * The comma that opens a trailing attribution, stepping back over appositions:
 * "CLAUSE, his lawyer, Petra Lindahl, told reporters" opens before "his lawyer", not before "Petra Lindahl".
 * Returns -1 when there is none.
 */
function attributionStart(text: string, cursor: number, subject: Range): number {
  // The subject may end with the comma that closes an apposition ("…, Petra Lindahl,").
  let end = subject.end;
  while (end > cursor && /[\s,]/.test(text[end - 1] ?? '')) end--;
  let comma = text.lastIndexOf(',', end - 1);
  while (comma > cursor) {
    const previous = text.lastIndexOf(',', comma - 1);
    if (previous <= cursor) break;
    const segment = trimRange(text, { start: previous + 1, end: comma });
    const value = text.slice(segment.start, segment.end);
    // Only a short role phrase ("his lawyer", "a spokesman for the club") is part of the attribution.
    if (!APPOSITION_OPENER.test(value) || words(text, segment).length > 6 || /\b(?:is|was|were|are|will|would|has|had|have)\b/.test(value)) break;
    comma = previous;
  }
  return comma;
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
    // "According to Marta Kowalska, a transport analyst at Kessler Bank, the deal …": the role belongs to X.
    const roleAfterName = nameRuns(text, who).some((r) => r.kind === 'person') && isRoleApposition(text.slice(next.start, next.end));
    // "According to the Plunkett Foundation, which supports …, the number …": the relative clause belongs to X.
    const relative = /^(?:which|who)\b/.test(text.slice(next.start, next.end));
    if (nameAfterRole || relative || roleAfterName) clauseStart = comma2 + 1;
    if (nameAfterRole || roleAfterName) who = { start: rest.start, end: comma2 };
  }
  const phrase = text.slice(who.start, who.end);
  const media = nameRuns(text, who).some((r) => r.media) || MEDIA_PHRASE.test(phrase);
  return { who, clauseStart: trimRange(text, { start: clauseStart, end: rest.end }).start, media };
}

/** "a transport analyst at Kessler Bank": an indefinite noun phrase without a verb describes who someone is. */
function isRoleApposition(value: string): boolean {
  return /^(?:a|an)\s/i.test(value) && value.split(/\s+/).length <= 12 && !/\b(?:is|was|were|are|will|would|has|had|have|can|could|should|may|might|must)\b/i.test(value);
}

/** “President Trump said … that it would happen …,” Leavitt said → Trump said it, reported by Leavitt. */
function secondHand(input: ParagraphInput, outer: Statement): Statement[] {
  const { text } = input;
  const inner = outer.range;
  const nested = input.spans.filter((s) => s.open >= inner.start && (s.close ?? Infinity) <= inner.end);
  // "When we complained, the port told us …": the first speech verb may be the quoting speaker's own.
  for (const verb of speechVerbs(text, inner, nested)) {
    const found = secondHandAt(input, outer, verb, nested);
    if (found.length > 0) return found;
  }
  return [];
}

/** One speech verb inside a quotation: a quote in single marks after it, or a reported clause by a named subject. */
function secondHandAt(input: ParagraphInput, outer: Statement, verb: VerbHit, nested: QuoteSpan[]): Statement[] {
  const { text, registry } = input;
  const inner = outer.range;
  if (!outer.speaker) return [];
  const nestedQuote = nestedDirect(input, outer, verb);
  if (nestedQuote) return [nestedQuote];
  const subject = innerSubject(text, { start: inner.start, end: verb.start });
  const subjectText = text.slice(subject.start, subject.end);
  if (!subjectText || FIRST_PERSON.test(subjectText)) return [];
  // Inside a quotation only a name, or a description of a body the article has named ("the port"), is trusted.
  const described = nameRuns(text, subject).length === 0;
  if (described && !/^the\s+\p{Ll}+$/u.test(subjectText)) return [];
  const clause = clauseAfter(text, verb, sentenceEnd(text, verb.end, inner.end), nested);
  if (!clause) return [];
  const speaker = resolveSubject(text, registry, subject);
  if (!speaker || speaker === outer.speaker) return [];
  // "the port" must name a body called so ("Brenmoor port authority"), not merely the latest organisation.
  const noun = subjectText.split(/\s+/).at(-1) ?? '';
  if (described && !speaker.name.toLowerCase().split(/\s+/).includes(noun)) return [];
  return splitContinuations(text, clause, nested).map((range) => ({ speaker, kind: 'reported' as const, range, paragraph: outer.paragraph, reportedBy: outer.speaker ?? undefined, sentence: outer.sentence }));
}

/** "When we first raised the alarm, the port told us …": the subject is the last comma segment before the verb. */
function innerSubject(text: string, before: Range): Range {
  const comma = text.lastIndexOf(',', before.end - 1);
  return trimRange(text, { start: comma >= before.start ? comma + 1 : before.start, end: before.end });
}

/** A reported clause inside a quotation ends with the quoted sentence it is in. */
function sentenceEnd(text: string, from: number, limit: number): number {
  const stop = /[.!?](?=['’]?\s+\p{Lu})|[.!?]['’](?=\s)/u.exec(text.slice(from, limit));
  return stop ? from + stop.index : limit;
}

/** Single quotation marks inside a direct quote: ‘…’ (straight ones are too often apostrophes). */
function innerQuote(text: string, range: Range, from: number): Range | null {
  const open = text.indexOf('‘', from);
  if (open < 0 || open >= range.end) return null;
  const close = text.indexOf('’', open + 1);
  // An apostrophe ("don’t") is a letter on both sides; the closing mark is not followed by a letter.
  let end = close;
  while (end >= 0 && end < range.end && /\p{L}/u.test(text[end + 1] ?? '')) end = text.indexOf('’', end + 1);
  return end > open && end <= range.end ? { start: open + 1, end } : null;
}

/**
 * “When we first spoke he told me, ‘I don’t want to sit on the bench.’ …,” Pettit said: the words in single
 * marks are a direct quote by whoever "he" is (never the quoting speaker himself), reported by the speaker.
 */
function nestedDirect(input: ParagraphInput, outer: Statement, verb: VerbHit): Statement | null {
  const { text, registry } = input;
  const quoted = innerQuote(text, outer.range, verb.end);
  if (!quoted || !outer.speaker) return null;
  if (!/^(?:\s+(?:me|us|him|her|them|reporters))?\s*[,:]\s*$/.test(text.slice(verb.end, quoted.start - 1))) return null;
  const subject = innerSubject(text, { start: outer.range.start, end: verb.start });
  const last = (words(text, subject).at(-1)?.text ?? '').toLowerCase();
  const speaker =
    last === 'he' || last === 'she'
      ? registry.pronoun(outer.range.start, last === 'he' ? 'm' : 'f', outer.speaker)
      : nameRuns(text, subject).length > 0
        ? resolveSubject(text, registry, subject)
        : null;
  if (!speaker || speaker === outer.speaker) return null;
  const range = trimRange(text, quoted);
  return { speaker, kind: 'direct', range, paragraph: outer.paragraph, reportedBy: outer.speaker, sentence: outer.sentence };
}
