import type { Person, Quote } from '../data/schema.js';
import { mergeRanges, slug, wordsIn, type Range } from '../text/index.js';
import type { Entity } from './registry.js';

/** Stage 6: the data records — one quote per attributed statement, one person per speaker. */

export interface Attributed {
  speaker: Entity;
  kind: 'direct' | 'reported';
  parts: Range[];
  paragraph: number;
  reportedBy?: Entity;
  /** How it was found, for diagnostics. */
  origin?: string;
}

/** Quotes with ids made of the speaker's surname and the first long words; `text` spans every part. */
export function buildQuotes(text: string, statements: readonly Attributed[], topics: readonly string[][]): Quote[] {
  const used = new Set<string>();
  return statements.map((s, i) => {
    const parts = mergeRanges(s.parts);
    const start = parts[0]?.start ?? 0;
    const end = parts.at(-1)?.end ?? start;
    const quoteText = text.slice(start, end);
    const speaker = s.speaker;
    const head = speaker.kind === 'person' && speaker.named ? (speaker.name.split(' ').at(-1) ?? speaker.name) : speaker.name;
    const gist = wordsIn(quoteText, { start: 0, end: quoteText.length })
      .map((w) => w.text)
      .filter((w) => w.length > 3)
      .slice(0, 3)
      .join(' ');
    const base = slug(`${head} ${gist}`).split('-').slice(0, 10).join('-');
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    const quote: Quote = { id, speaker: speaker.id, kind: s.kind, text: quoteText, paragraph: s.paragraph, start, end, topics: topics[i] ?? [] };
    if (parts.length > 1) quote.parts = parts;
    if (s.reportedBy) quote.reportedBy = s.reportedBy.id;
    return quote;
  });
}

/** Everyone who speaks (or relays speech), with the aliases and descriptions readers will ask by. */
export function buildPeople(statements: readonly Attributed[]): Person[] {
  const speakers: Entity[] = [];
  for (const s of statements) for (const e of [s.speaker, s.reportedBy]) if (e && !speakers.includes(e)) speakers.push(e);
  return speakers.map((e) => {
    const surname = e.kind === 'person' && e.named && e.name.includes(' ') ? (e.name.split(' ').filter((w) => !/^(?:jr|sr|ii|iii|iv)\.?$/i.test(w)).at(-1) ?? '') : '';
    return {
      id: e.id,
      name: e.name,
      kind: e.kind,
      named: e.named,
      role: e.role,
      organisation: e.organisation,
      // People ask by surname ("what did Arkwell say?"), so the surname is always an alias.
      aliases: [...new Set([surname, ...e.aliases])].filter((a) => a && a !== e.name),
      roleAliases: [...new Set([...(e.role ? [e.role] : []), ...e.descriptions])],
    };
  });
}
