// Compares part-of-speech taggers on what ingestion asks of them: is a word of speech ("says", "calls", "reports",
// "claims") used as a verb? Measured on the PolNeAR train articles outside the held-out slice:
//   cue recall      share of annotated attribution cues whose first word is a speech-verb form that the tagger calls a verb
//   other as verb   share of speech-verb forms outside every annotated cue that the tagger calls a verb (lower is better)
//   ambiguous forms the same two figures for forms that are also nouns ("calls", "claims", "reports", …)
// and ms/article. compromise is not a dependency: `npm install --no-save compromise` before running
//   npx tsx scripts/compare-taggers.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { speechLemma, tagText } from '../src/text/index.ts';

const dir = resolve(import.meta.dirname, '../../shared/polnear/data/train');
const bucket = (name) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 10;
};
const names = readdirSync(dir).filter((f) => f.endsWith('.gold.json')).map((f) => f.slice(0, -10)).filter((n) => bucket(n) !== 0);
const AMBIGUOUS = new Set(['calls', 'claims', 'reports', 'says', 'notes', 'comments', 'promises', 'charges', 'tweets', 'posts', 'quotes', 'warnings', 'estimates', 'denies', 'demands', 'remarks', 'answers', 'replies', 'statements', 'pledges', 'vows', 'counters', 'questions', 'argues', 'urges', 'writes']);

let compromise = null;
try {
  compromise = (await import('compromise')).default;
} catch {
  console.log('compromise is not installed (npm install --no-save compromise); measuring wink-nlp only');
}

/** Speech-verb word forms of a text with their offsets. */
function speechForms(text) {
  return [...text.matchAll(/\p{L}+/gu)].filter((m) => speechLemma(m[0]) !== null).map((m) => ({ start: m.index, word: m[0].toLowerCase() }));
}

const taggers = {
  'wink-nlp': (text) => new Set(tagText(text).filter((t) => t.pos === 'VERB' || t.pos === 'AUX').map((t) => t.start)),
};
if (compromise) {
  taggers.compromise = (text) => {
    const verbs = new Set();
    for (const sentence of compromise(text).json({ offset: true, terms: { tags: true, offset: true } })) {
      for (const term of sentence.terms) if (term.tags.includes('Verb')) verbs.add(term.offset.start);
    }
    return verbs;
  };
}

for (const [name, tag] of Object.entries(taggers)) {
  const count = { cue: 0, cueVerb: 0, other: 0, otherVerb: 0, ambCue: 0, ambCueVerb: 0, ambOther: 0, ambOtherVerb: 0 };
  let ms = 0;
  for (const article of names) {
    const text = readFileSync(join(dir, `${article}.txt`), 'utf8');
    const gold = JSON.parse(readFileSync(join(dir, `${article}.gold.json`), 'utf8'));
    const cueStarts = new Set(gold.flatMap((g) => g.cueSpans.map(([s]) => s)));
    const inCue = (at) => gold.some((g) => g.cueSpans.some(([s, e]) => at >= s && at < e));
    const started = performance.now();
    const verbs = tag(text);
    ms += performance.now() - started;
    for (const { start, word } of speechForms(text)) {
      const verb = verbs.has(start);
      const amb = AMBIGUOUS.has(word);
      if (cueStarts.has(start)) {
        count.cue++;
        if (verb) count.cueVerb++;
        if (amb) {
          count.ambCue++;
          if (verb) count.ambCueVerb++;
        }
      } else if (!inCue(start)) {
        count.other++;
        if (verb) count.otherVerb++;
        if (amb) {
          count.ambOther++;
          if (verb) count.ambOtherVerb++;
        }
      }
    }
  }
  const pct = (a, b) => `${((100 * a) / b).toFixed(1)}%`;
  console.log(
    `${name.padEnd(11)} cue recall ${pct(count.cueVerb, count.cue)} (${count.cue} cues)  other as verb ${pct(count.otherVerb, count.other)} (${count.other})  ` +
      `ambiguous forms: cue recall ${pct(count.ambCueVerb, count.ambCue)} (${count.ambCue}), other as verb ${pct(count.ambOtherVerb, count.ambOther)} (${count.ambOther})  ` +
      `${(ms / names.length).toFixed(1)} ms/article`,
  );
}
