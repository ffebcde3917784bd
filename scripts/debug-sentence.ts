// Debug: npx tsx scripts/debug-sentence.ts FILE.txt "substring" — tokens, cues, statements and quotes of the sentence.
import { readFileSync } from 'node:fs';
import { readDocument } from '../src/ingest/document.js';
import { findCues } from '../src/ingest/cues.js';
import { sentenceStatements } from '../src/ingest/statements.js';
import { extractWithReport } from '../src/ingest/extract.js';
const [file, needle] = process.argv.slice(2) as [string, string];
const text = file.endsWith('.txt') ? readFileSync(file, 'utf8') : file;
const doc = readDocument(text);
const at = text.indexOf(needle);
const sentence = doc.sentences.find((s) => s.start <= at && at < s.end);
if (!sentence) throw new Error('not found');
console.log(text.slice(sentence.start, sentence.end));
console.log(doc.tokens.slice(sentence.first, sentence.last + 1).map((t) => `${t.text}/${t.pos}/${t.lemma}${t.quote ? '/Q' : ''}`).join(' '));
for (const c of findCues(doc, sentence)) console.log('cue', c.kind, c.lemma, c.frame, doc.tokens[c.first]?.text);
for (const s of sentenceStatements(doc, sentence)) console.log('statement', s.form, s.direct, s.source ? doc.tokens.slice(s.source.head.first, s.source.head.last + 1).map((t) => t.text).join(' ') : '-', '=>', s.parts.map((p) => text.slice(p.start, p.end)).join(' | '));
const ex = extractWithReport(text);
ex.article.quotes.forEach((q, i) => { const p = ex.article.people.find((x) => x.id === q.speaker); if (q.paragraph === sentence.paragraph + 1) console.log('quote', ex.origins[i], p?.name, ':', q.text); });
for (const u of ex.unattributed) if (u.paragraph === sentence.paragraph + 1) console.log('unattributed', u.source, ':', u.sentence.slice(0, 100));
