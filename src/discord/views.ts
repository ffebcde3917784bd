import type { Article } from '../data/schema.js';
import { joinNames, lowerFirst, speakerName, type Answer, type AnswerEngine } from '../engine/index.js';
import type { AnswerView, ListKind } from './custom-ids.js';
import { renderArticles, renderSpeakers, renderTopics, type ListOptions, type ReplyMessage } from './render.js';

/** A whole list as its command shows it; "Post to channel" under it renders it again, from the articles as they are then. */
export function renderList(list: ListKind, engine: AnswerEngine, articles: readonly Article[], options: ListOptions): ReplyMessage {
  if (list === 'topics') return renderTopics(engine.topics(), options);
  const speakers = engine.speakers();
  if (list === 'speakers') {
    const labels = new Map(engine.topics().map((t) => [t.id, t.label]));
    return renderSpeakers(speakers, (id) => labels.get(id) ?? id, options);
  }
  const speakersOf = (article: Article): string[] => speakers.filter((s) => article.quotes.some((q) => q.speaker === s.person.id)).map((s) => speakerName(s.person));
  return renderArticles(articles, speakersOf, options);
}

/** The answer a view stands for: what a button or a menu shows again, or for the first time. */
export function answerForView(engine: AnswerEngine, view: AnswerView): Answer {
  if (view.kind === 'ask') return engine.answer(view.question, { articleId: view.article });
  if (view.kind === 'quotes') return engine.quotesBy(view.speaker, view.topic, view.article);
  return quotesOnTopic(engine, view.topic, view.article);
}

/** Every speaker's quotes on one topic, most quoted speaker first: what picking a topic from /topics opens. */
function quotesOnTopic(engine: AnswerEngine, topicId: string, articleId: string | undefined): Answer {
  const topic = engine.topics().find((t) => t.id === topicId);
  const items = (topic?.speakers ?? []).flatMap((person) => {
    const answer = engine.quotesBy(person.id, topicId, articleId);
    return answer.found ? answer.items : [];
  });
  const question = `quotes on ${topicId}`;
  if (!topic || items.length === 0) {
    return { question, intent: 'what-did-say', found: false, summary: 'No one is quoted on that topic any more.', items: [], suggestions: [] };
  }
  const names = joinNames(topic.speakers.map(speakerName), 'and');
  const count = items.length === 1 ? 'One quote' : `${items.length} quotes`;
  const label = lowerFirst(topic.label, engine.articles.find((a) => a.id === items[0]?.article.id)?.text ?? '');
  return { question, intent: 'what-did-say', found: true, summary: `${count} on ${label}, from ${names}.`, items, suggestions: [] };
}
