// Scratch: explain answers (not committed).
import { loadKnowledgeBase } from '../src/data/load.js';
import { answerTypeOf } from '../src/engine/answers/registry.js';
import { readQuestion } from '../src/engine/question.js';
import { ScopedEngine } from '../src/engine/scoped-engine.js';
import { understand } from '../src/engine/understand.js';
const dir = process.env.ARTICLES_DIR;
const { articles } = loadKnowledgeBase(dir);
const only = process.env.ARTICLE;
const engine = new ScopedEngine(only ? articles.filter((a) => a.id === only) : articles.slice(0, 1));
for (const q of process.argv.slice(2)) {
  const text = readQuestion(q);
  const type = answerTypeOf(text, engine);
  const u = understand(text, type, engine);
  console.log(`\nQ: ${q}\n  type=${type.name} wh=${text.wh} core=${text.coreAt} slot=[${text.slot.map((i) => text.words[i]?.word).join(' ')}] speaker=${JSON.stringify(u.speaker && (u.speaker.status === 'resolved' ? u.speaker.people.map((p) => p.id) : u.speaker))}`);
  console.log(`  content=${u.content.map((c) => `${c.stem}:${c.weight}`).join(' ')} seq=${u.sequence.join(' ')} topic="${u.topic}"`);
  const speakers = u.speaker?.status === 'resolved' ? u.speaker.people : [];
  if (!type.direct) for (const r of engine.rank(u, speakers).slice(0, 6)) console.log(`   ${r.score.toFixed(3)} cov=${r.coverage.toFixed(2)} prox=${r.proximity.toFixed(2)} ${r.unit.kind} ${r.unit.entry?.speaker.id ?? '-'} ¶${r.unit.paragraph}: ${r.unit.article.text.slice(r.unit.start, r.unit.end).slice(0, 90)}`);
  const a = engine.answer(q);
  console.log(`  => found=${a.found} ${a.summary.slice(0, 200)}`);
  for (const i of a.items.slice(0, 4)) console.log(`     - ${i.kind} ${i.speaker?.id ?? '-'} ¶${i.paragraph}: ${i.quote.slice(0, 80)}`);
}
if (process.env.TERMS) {
  for (const t of process.env.TERMS.split(',')) console.log(t, engine.index.idf(t).toFixed(2), JSON.stringify(engine.index.expansions(t)));
  const u = engine.units.find((x) => x.entry?.quote.id === process.env.UNIT);
  if (u) console.log([...u.termFrequency.keys()].join(' '), '|', [...u.contextTerms].join(' '));
}
