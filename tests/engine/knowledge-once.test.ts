import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../src/engine/knowledge.js';
import { writtenArticle } from '../support/written-article.js';

/**
 * What depends only on the articles is worked out once, when the knowledge is built, not for every
 * question: here, each article's source as the folded words a question's words are compared with.
 */
describe('GIVEN two articles from sources written with capitals and punctuation', () => {
  const first = writtenArticle({ id: 'quay-works', title: 'Quay works start', source: 'The Harbour Gazette', people: [], paragraphs: [{ text: 'Work on the quay starts on Monday.' }] }).article;
  const second = writtenArticle({ id: 'bus-lanes', title: 'New bus lanes', source: 'Valley-Post (online)', people: [], paragraphs: [{ text: 'Two bus lanes open next week.' }] }).article;

  it('THEN the knowledge holds each source once, folded into words joined by spaces', () => {
    const knowledge = buildKnowledge([first, second]);
    expect([...knowledge.sources]).toEqual(['the harbour gazette', 'valley post online']);
  });
});
