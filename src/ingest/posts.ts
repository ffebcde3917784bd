import type { Range } from '../text/index.js';
import type { Doc } from './document.js';
import { nameRuns, type NameRun } from './names.js';
import { entityOfRun } from './sources.js';
import type { Entity, Registry } from './registry.js';

/**
 * Embedded social-media posts ("<tweet author="@handle" …>words — Tamsin Arkwell (@tarkwell) May 3, 2016</tweet>"):
 * the words are the poster's own, signed by the embed's closing "— Name (@handle) Date", or, unsigned, by a handle
 * spelling the name of a person the article names ("@TamsinArkwell").
 */
export interface PostQuote {
  speaker: Entity;
  content: Range;
  paragraph: number;
}

/** Closed by "</tweet>", or by the self-closing "<tweet/>" some sites write where the end tag belongs. */
const POST = /<(tweet|post)\b([^>]*)>([\s\S]*?)<(?:\/\1|\1\/)>/g;
const SIGNATURE = /\s[—–]\s+([^—–()<>]{2,80}?)\s+\((@\w+)\)\s+\p{Lu}\p{Ll}+\.? \d{1,2}, \d{4}\s*$/u;
const AUTHOR = /\b(?:author|tweet-author)="@?(\w+)"/;
/** A link, and what trails it in capitals ("pic.twitter.com/x SIGN UP"): no words of the poster. */
const TRAILING_LINK = /\s*(?:pic\.twitter\.com\/\S+|https?:\/\/\S+)[^\p{Ll}]*$/u;

export function findPostQuotes(doc: Doc, registry: Registry): PostQuote[] {
  const out: PostQuote[] = [];
  doc.layout.paragraphs.forEach((paragraph, index) => {
    const text = doc.text.slice(paragraph.start, paragraph.end);
    for (const m of text.matchAll(POST)) {
      const bodyStart = paragraph.start + (m.index ?? 0) + m[0].indexOf('>') + 1;
      let body = m[3] ?? '';
      const signed = SIGNATURE.exec(body);
      let speaker: Entity | null;
      if (signed) {
        const nameStart = bodyStart + (signed.index ?? 0) + signed[0].indexOf(signed[1] ?? '');
        speaker = signer(doc, registry, { start: nameStart, end: nameStart + (signed[1] ?? '').length });
        body = body.slice(0, signed.index);
      } else speaker = null;
      body = body.replace(TRAILING_LINK, '');
      let lead = body.length - body.trimStart().length;
      // "Tamsin Arkwell: The vote was a farce": an unsigned post that opens with a person's name and a colon shares
      // that person's words; the words after the colon are theirs.
      const labelled = signed ? null : NAME_LABEL.exec(body);
      const labelStart = bodyStart + (labelled ? labelled[0].indexOf(labelled[1] ?? '') : 0);
      const labeller = labelled ? labelSpeaker(doc, registry, { start: labelStart, end: labelStart + (labelled[1] ?? '').length }) : null;
      if (labelled && labeller) {
        speaker = labeller;
        lead = labelled[0].length;
      } else if (!signed) speaker = byHandle(registry, AUTHOR.exec(m[2] ?? '')?.[1] ?? '');
      const content = { start: bodyStart + lead, end: bodyStart + body.trimEnd().length };
      if (speaker && /\p{L}{2}/u.test(body) && content.end > content.start) out.push({ speaker, content, paragraph: index });
    }
  });
  return out;
}

/** Two to four capitalised words and a colon opening a post's words ("Tamsin Arkwell: …"). */
const NAME_LABEL = /^\s*(\p{Lu}[\p{Ll}'’.-]+(?:\s+\p{Lu}[\p{Ll}'’.-]*){1,3}):\s+(?=\S)/u;

/** The person a post's opening label names, or null when the label names no person. */
function labelSpeaker(doc: Doc, registry: Registry, range: Range): Entity | null {
  const run = runAt(doc, range);
  return run?.kind === 'person' ? entityOfRun(registry, run, range.start, true) : null;
}

/** The person or body whose name the signature gives. */
function signer(doc: Doc, registry: Registry, range: Range): Entity | null {
  const run = runAt(doc, range);
  return run ? entityOfRun(registry, run, range.start, true) : null;
}

/** The name run that ends where the range does. */
function runAt(doc: Doc, range: Range): NameRun | null {
  const first = doc.tokens.findIndex((t) => t.start >= range.start);
  let last = first;
  while (doc.tokens[last + 1] && (doc.tokens[last + 1]?.end ?? Infinity) <= range.end) last++;
  if (first < 0 || (doc.tokens[first]?.start ?? 0) >= range.end) return null;
  return nameRuns(doc, first, last).find((r) => r.last === last) ?? null;
}

/** The named person whose name, written together, is the handle ("@TamsinArkwell"). */
function byHandle(registry: Registry, handle: string): Entity | null {
  const key = handle.toLowerCase().replace(/[^a-z]/g, '');
  if (key.length < 6) return null;
  const found = registry.entities.filter((e) => e.named && e.kind === 'person' && [e.name, ...e.aliases].some((n) => n.toLowerCase().replace(/[^a-z]/g, '') === key));
  return found.length === 1 ? (found[0] ?? null) : null;
}
