import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ingest/extract.js';

/** Speakers that a general sentence form names wrongly unless read with care (made-up texts). */
const body = (...paragraphs: string[]): string => ['Title line', 'A standfirst.', '', ...paragraphs].join('\n');
const quotes = (text: string): string[] => {
  const article = extractArticle(text);
  const names = new Map(article.people.map((p) => [p.id, p.name]));
  return article.quotes.map((q) => `${names.get(q.speaker) ?? '-'}: ${q.text}`);
};
const people = (text: string): string[] => extractArticle(text).people.map((p) => p.name);

describe('GIVEN a sentence that ends with a title word ("… the Harbour Press.") before a new sentence', () => {
  it('THEN the next sentence\'s opening word ("While") is no name that the title heads', () => {
    const text = body(
      'Tor Berge spoke to harbour workers on Monday.',
      'The count is close, according to the Harbour Press.',
      'While he said the vote would be close, Berge must decide what he will ask for.',
    );
    expect(people(text)).not.toContain('While');
    expect(quotes(text)).toContain('Tor Berge: the vote would be close');
  });
});

describe('GIVEN a document that someone puts out and that then "says" something', () => {
  it('THEN the one who released, ran or published it speaks, a name or a pronoun before the verb', () => {
    expect(quotes(body('In the spring, Tor Berge released a campaign video that said, "Every harbour job will come back."'))).toEqual(['Tor Berge: Every harbour job will come back.']);
    expect(quotes(body('The Halden Bugle recently ran a piece that noted the plan "would help large ports more than small ones."'))).toEqual([
      'Halden Bugle: the plan "would help large ports more than small ones."',
    ]);
    expect(quotes(body('Tor Berge spoke at the harbour on Monday.', 'Later he published a letter that said the vote was "a mistake."'))).toEqual(['Tor Berge: the vote was "a mistake."']);
  });

  it('THEN a document with its maker named after it, or no verb that puts it out, keeps its reading', () => {
    expect(quotes(body('Tor Berge read a letter that said the vote was "a mistake."'))).not.toContain('Tor Berge: the vote was "a mistake."');
  });
});

describe('GIVEN "they" after a stretch of time ("the past three weeks, they said")', () => {
  it('THEN the stretch of time is not who "they" are', () => {
    const text = body('Voters now stop the two candidates in the street - something new in the past three weeks, they said.');
    expect(quotes(text).filter((q) => q.startsWith('past three weeks'))).toEqual([]);
  });
});

describe('GIVEN ", saying …" after a verb\'s object that speaks in a relative clause ("rebuked critics who say …")', () => {
  it('THEN the participle goes on with the main clause\'s subject, not the object', () => {
    const text = body('Mayor Tilda Rask sharply rebuked critics who say the harbour should close, saying the port "will stay open as long as I am mayor."');
    expect(quotes(text)).toEqual(['critics: the harbour should close', 'Tilda Rask: the port "will stay open as long as I am mayor."']);
  });

  it('THEN a subject that speaks in its own relative clause still goes on into the participle', () => {
    const text = body('Tilda Rask, who said the harbour should close, left the meeting early, saying the vote "was a sham."');
    expect(quotes(text)).toContain('Tilda Rask: the vote "was a sham."');
  });
});

describe('GIVEN ", saying …" right after an adverbial clause that follows the main clause', () => {
  it('THEN the participle goes on with that clause\'s subject ("…, as Tilda Rask left the stage, saying …")', () => {
    const text = body('It was a long night at the harbour hall, as Tilda Rask left the stage, saying the count "was fair to everyone."');
    expect(quotes(text)).toEqual(['Tilda Rask: the count "was fair to everyone."']);
  });
});

describe('GIVEN a colon that closes what a subject said earlier in the sentence', () => {
  it('THEN the quotation after the colon is that speaker\'s, not the phrase before the colon', () => {
    const text = body('Tilda Rask said the new ferry was built in the spirit of Port Ostby: "It is small, it is quick, and it is ours."');
    expect(quotes(text)).toContain('Tilda Rask: It is small, it is quick, and it is ours.');
  });

  it('THEN a colon after a name of its own still gives that name the quotation', () => {
    const text = body('Tilda Rask said the vote was over, and then came Tor Berge: "It is not over."');
    expect(quotes(text)).not.toContain('Tilda Rask: It is not over.');
  });
});

describe('GIVEN a title with a lower-case complement before a name ("Vice President for news and sport Tor Berge")', () => {
  it('THEN the person named after the complement speaks, not a "President"', () => {
    const text = body('Harbour Radio Vice President for news and sport Tor Berge called the show "the best hour of the week."');
    expect(quotes(text)).toEqual(['Tor Berge: the show "the best hour of the week."']);
  });
});

describe('GIVEN a name followed by "of" or "to" and a place', () => {
  it('THEN the place is no title holder ("Representative Tor T. Trustee of Port Ostby", "Ambassador to Ostby")', () => {
    expect(quotes(body('"We will see," said Representative Tor T. Trustee of Port Ostby, who backed the plan.'))).toEqual(['Tor T. Trustee: We will see']);
    expect(quotes(body('"We will see," said Brenwick\'s Ambassador to Ostby, who backed the plan.'))).not.toContain('Ostby: We will see');
  });
});

describe('GIVEN a participle after an adverbial clause whose subject cannot speak, or a title with a place after "of"', () => {
  it('THEN the main clause speaks ("…, after her first statement was shown false, stating …")', () => {
    const text = body('Tilda Rask changed her story later, after her first statement was shown to be false, stating that she "never saw the letter."');
    expect(quotes(text)).toEqual(['Tilda Rask: she "never saw the letter."']);
  });

  it('THEN the place after "of" is not the title\'s holder ("the attorney general of the state of Port Ostby")', () => {
    const text = body('The attorney general of the state of Port Ostby is suing the firm, claiming the harbour deal is a fraud.');
    expect(quotes(text)).not.toContain('Port Ostby: the harbour deal is a fraud');
  });
});

describe('GIVEN a role someone owns ("Rask\'s campaign manager") that the article names elsewhere', () => {
  it('THEN the role speaks as the person named after it, whether the name comes later or earlier', () => {
    const later = body('On Monday, Rask\'s campaign manager said the count would "take all week."', 'Later, Rask\'s campaign manager, Tor Berge, spoke to reporters at the harbour.');
    expect(quotes(later)).toEqual(['Tor Berge: the count would "take all week."']);
    const earlier = body('Rask\'s campaign manager, Tor Berge, spoke to reporters at the harbour.', 'On Monday, Rask\'s campaign manager said the count would "take all week."');
    expect(quotes(earlier)).toEqual(['Tor Berge: the count would "take all week."']);
  });

  it('THEN a role nobody is named for stays a described speaker', () => {
    const text = body('On Monday, Rask\'s campaign manager said the count would "take all week."', 'Tor Berge, a harbour pilot, spoke to reporters.');
    expect(quotes(text)).toEqual(['Rask\'s campaign manager: the count would "take all week."']);
  });
});

describe('GIVEN a gerund right after a person named as the object of "about" ("asked about Tilda Rask calling …")', () => {
  it('THEN the person named is the gerund\'s subject, not the sentence\'s subject', () => {
    const text = body('Tor Berge will be asked on Monday about Tilda Rask calling the harbour plan "a sham."');
    expect(quotes(text)).toEqual(['Tilda Rask: the harbour plan "a sham."']);
  });
});
