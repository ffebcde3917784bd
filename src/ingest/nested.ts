import { speechLemma } from '../text/index.js';
import { readDocument, type Doc } from './document.js';
import { sentenceStatements, type Statement } from './statements.js';

/**
 * Statements inside a quotation: “The mayor told us that the bridge was safe,” Tamsin Arkwell said — the mayor's words,
 * relayed by Tamsin Arkwell. The quoted words are read as a text of their own (every other character masked, so offsets
 * stay those of the article) and their statements kept when a name or "he"/"she" says them: "I told them" and "we
 * said" are the quoting speaker's own.
 */
export interface Nested {
  statement: Statement;
  /** The statement whose quotation it is in. */
  outer: Statement;
  doc: Doc;
}

const FIRST_PERSON = new Set(['i', 'we', 'you', 'me', 'us', 'it', 'they', 'this', 'that', 'who', 'which', 'everyone', 'nobody', 'people']);

export function nestedStatements(doc: Doc, statements: readonly Statement[]): Nested[] {
  const out: Nested[] = [];
  for (const outer of statements) {
    if (!outer.direct) continue;
    for (const part of outer.parts) {
      if (part.start <= doc.text.indexOf('\n')) continue;
      const words = doc.text.slice(part.start, part.end);
      if (!(words.match(/\p{L}+/gu) ?? []).some((w) => speechLemma(w) !== null)) continue;
      const inner = readDocument(masked(doc.text, part.start, part.end));
      for (const sentence of inner.sentences) {
        for (const statement of sentenceStatements(inner, sentence)) {
          const head = statement.source?.head;
          const first = head ? inner.tokens[head.first] : undefined;
          if (!head || !first || FIRST_PERSON.has(first.text.toLowerCase())) continue;
          if (statement.parts.some((p) => p.start < part.start || p.end > part.end)) continue;
          out.push({ statement: { ...statement, paragraph: outer.paragraph, sentence: outer.sentence }, outer, doc: inner });
        }
      }
    }
  }
  return out;
}

/** The text with only [start, end) kept: a one-letter title line, then one line where all else is spaces. */
function masked(text: string, start: number, end: number): string {
  const firstBreak = text.indexOf('\n');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (i === 0) out += 'T';
    else if (i === firstBreak) out += '\n';
    else if (i >= start && i < end) out += text[i] === '\n' ? ' ' : (text[i] ?? ' ');
    else out += ' ';
  }
  return out;
}
