import { unitItem, type EvidenceUnit } from '../evidence.js';
import { foldedWords as words } from '../../text/words.js';
import type { AnswerType, Scope } from './answer-type.js';
import { found } from './common.js';
import { onlyWords, set } from './clues.js';

const SOURCE_WORDS = set('source outlet publication publisher newspaper agency');
const ALLOWED = set('news original reported published wrote publishes reports original');
const MADE_IT = set('wrote published reported broke reports publishes');
/** Words for the piece itself ("who wrote *this*", "where is the *story* from"). */
const THIS_PIECE = set('this it article story news report piece');

/** "what is the source?", "which news agency reported this?", "where does this news come from?" */
export const articleSource: AnswerType = {
  name: 'article-source',
  detect: (question) => {
    if (onlyWords(question, ALLOWED, SOURCE_WORDS) && question.slot.length === 0) return 0.95;
    // The other forms open with "who" or "where": most questions are neither, and need no list of their words.
    if (question.wh !== 'who' && question.wh !== 'where') return 0;
    const list = question.words.map((w) => w.word);
    const aboutThis = list.some((w) => THIS_PIECE.has(w));
    if (question.wh === 'who' && MADE_IT.has(list[question.coreAt + 1] ?? '') && aboutThis && list.length <= question.coreAt + 4) return 0.95;
    if (question.wh === 'where' && list.includes('from') && aboutThis && list.length <= question.coreAt + 7) return 0.95;
    return 0;
  },
  direct: (_question, scope) => sourceReply(scope),
  word: (_question, _ranked, scope) => sourceReply(scope),
};

/** A unit's folded words with a space either side, made once per unit: every question for the source reads them all. */
const spaced = new WeakMap<EvidenceUnit, string>();
function spacedWords(unit: EvidenceUnit): string {
  let text = spaced.get(unit);
  if (text === undefined) {
    text = ` ${unit.tokens.map((t) => t.word).join(' ')} `;
    spaced.set(unit, text);
  }
  return text;
}

/** The source and date, with the sentences that name the source. */
export function sourceReply(scope: Scope) {
  const items = scope.knowledge.articles.flatMap((article) => {
    const source = ` ${words(article.source).join(' ')} `;
    return scope.units.filter((u) => u.article === article && u.kind === 'narration' && spacedWords(u).includes(source)).map(unitItem);
  });
  const summary = scope.knowledge.articles.map((a) => `“${a.title}” is a ${a.source} report${a.date ? ` dated ${a.date} (the article gives no year)` : ''}.`).join(' ');
  return found(summary, items, 1);
}
