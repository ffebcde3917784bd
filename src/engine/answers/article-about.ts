import { unitItem } from '../evidence.js';
import type { AnswerType } from './answer-type.js';
import { found, notFound } from './common.js';
import { onlyWords, set } from './clues.js';

const ABOUT_ARTICLE = set('summary summarize summarise summarised gist overview headline point points tldr tl dr nutshell happened happening going title');
const ALLOWED = set('main key give short brief quick whole');

/** "what is this article about?", "give me a summary", "what happened?" */
export const articleAbout: AnswerType = {
  name: 'article-about',
  detect: (question) => {
    if (onlyWords(question, ALLOWED, ABOUT_ARTICLE)) return 0.9;
    // "what is it about": nothing but the frame around "about".
    const about = question.words.some((w) => w.word === 'about' && w.at === question.words.length - 1);
    return about && question.words.slice(question.coreAt).every((w) => w.word === 'about' || !/\p{L}{4,}/u.test(w.word) || ['this', 'that', 'article', 'story', 'piece', 'report', 'news', 'text', 'what', 'whats'].includes(w.word)) ? 0.9 : 0;
  },
  direct: (_question, scope) => {
    const items = scope.knowledge.articles.flatMap((article) => {
      const first = scope.units.find((u) => u.article === article && u.kind === 'narration');
      return first ? [unitItem(first)] : [];
    });
    if (items.length === 0) return notFound(scope, 'The article has no text.');
    const summary = scope.knowledge.articles.map((a) => `“${a.title}” (${a.source}${a.date ? `, ${a.date}` : ''}): ${a.summary}`).join(' ');
    return found(summary, items, 1);
  },
  word: (question, _ranked, scope) => articleAbout.direct?.(question, scope) ?? notFound(scope, ''),
};
