import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/ingest/document.js';
import { extractArticle } from '../../src/ingest/extract.js';
import { nameRuns } from '../../src/ingest/names.js';

/** Speakers found where the source phrase is unusual, and the names they carry (made-up texts). */
const body = (...paragraphs: string[]): string => ['Title line', 'A standfirst.', '', ...paragraphs].join('\n');
const quotes = (text: string): string[] => {
  const article = extractArticle(text);
  const names = new Map(article.people.map((p) => [p.id, p.name]));
  return article.quotes.map((q) => `${names.get(q.speaker) ?? '-'}/${q.kind}: ${q.text}`);
};

describe('speakers whose source phrase is unusual', () => {
  it('reads a surname spelt like a modal verb as a name inside a sentence', () => {
    expect(quotes(body('The columnist Harold Will praised the harbour plan.', 'Later that day, Will wrote that the plan would bring jobs to the coast.'))).toEqual([
      'Harold Will/reported: the plan would bring jobs to the coast',
    ]);
    expect(quotes(body('The columnist Harold Will praised the harbour plan.', 'While Will acknowledges the cost, he argues that the plan would bring jobs.'))).toContain(
      'Harold Will/reported: the cost',
    );
  });

  it('takes the person before ", who said" out of a predicate adjective and its preposition', () => {
    expect(quotes(body('Mayor Tilda Rask lost the vote in the harbour ward.', 'The defeat was bitter for Ms. Rask, who said she would run again next year.'))).toEqual([
      'Tilda Rask/reported: she would run again next year',
    ]);
  });

  it('takes the name after a conjunction that opens a chain of appositions', () => {
    expect(quotes(body('But Orla Venn, acting director of Harbour Action, which wrote the letter, said the reply was weak.'))).toEqual(['Orla Venn/reported: the reply was weak']);
  });

  it('reads a quoted title inside an apposition as part of it, not as a quotation that ends the subject', () => {
    expect(quotes(body('Marten Osk, the author of "Quiet Rivers," about the valley\'s farms, said the years when every town had a mill are over.'))).toEqual([
      'Marten Osk/reported: the years when every town had a mill are over',
    ]);
    expect(quotes(body('"We have seen better harvests than this one," Brenwick farmer Ilse Varn, wearing a straw hat and "Vote Osk" buttons, said matter-of-factly as the rain began.'))).toEqual([
      'Ilse Varn/direct: We have seen better harvests than this one',
    ]);
  });

  it('takes the name before an apposition whose closing comma is missing', () => {
    expect(quotes(body('Tamsin Arkwell, the spokeswoman for the harbour board said the ballots were counted twice.'))).toEqual([
      'Tamsin Arkwell/reported: the ballots were counted twice',
    ]);
  });

  it('takes the name before a role with no article whose closing comma is missing', () => {
    expect(quotes(body('Tamsin Arkwell, president and chief executive of Harbour Traders Association stated, "It is not a question of politics; it is a question of sums."'))).toEqual([
      'Tamsin Arkwell/direct: It is not a question of politics; it is a question of sums.',
    ]);
  });

  it('takes the name and its party tag before an apposition whose closing comma is missing', () => {
    expect(quotes(body("Sen. Dalia Vorn (D-NY), a supporter of the governor's bid for the presidency told host Pell Amari she believed the harbour plan would work."))).toEqual([
      'Dalia Vorn/reported: she believed the harbour plan would work',
    ]);
  });

  it('gives an attribution that says nothing the quotation that makes up the next sentence', () => {
    expect(quotes(body('Tamsin Arkwell, the spokeswoman for the harbour board, said in a statement. “There is nothing to recount. The ballots were counted twice.”'))).toEqual([
      'Tamsin Arkwell/direct: There is nothing to recount. The ballots were counted twice.',
    ]);
    // Narration after the quotation: the sentence is not only a quotation.
    expect(quotes(body('Tamsin Arkwell said in a statement. “There is nothing to recount,” the board later added in a letter to voters.'))).toEqual([
      'board/direct: There is nothing to recount',
    ]);
  });

  it('finds the subject after a time adverbial that opens the sentence without a comma', () => {
    expect(quotes(body('Tilda Rask spoke twice this week.', 'Saturday at the harbour workers’ annual congress Sen. Tilda Rask (D-North) said the shipyard deal was a failure.'))).toEqual([
      'Tilda Rask/reported: the shipyard deal was a failure',
    ]);
  });
});

describe('the names speakers carry', () => {
  it('keeps the "of" of a body named after "the"', () => {
    expect(quotes(body('The Hill Chamber of Trade has announced that it will not close the old dock.'))).toEqual([
      'Hill Chamber of Trade/reported: it will not close the old dock',
    ]);
  });

  it('gives a speaker known by surname the full name the text gave only as a modifier', () => {
    expect(quotes(body('Supporters packed a Tilda Rask rally in the harbour town.', 'Rask herself said the shipyard would stay open.'))).toEqual([
      'Tilda Rask/reported: the shipyard would stay open',
    ]);
    // Two people of that surname: which one is meant cannot be told.
    expect(quotes(body('Supporters packed a Tilda Rask rally and an Oskar Rask dinner.', 'Rask herself said the shipyard would stay open.'))).toEqual([
      'Rask/reported: the shipyard would stay open',
    ]);
  });

  it('reads a titled name after a body\'s common noun as a person of that body, not the body', () => {
    const article = extractArticle(body('“We will open the pier in April,” Harbour campaign Chairman Osric Thale told reporters.'));
    expect(article.people.map((p) => [p.name, p.kind])).toEqual([['Osric Thale', 'person']]);
  });

  it('gives a body cited by its last word the one fuller name the text gave it', () => {
    expect(quotes(body('The mayor spoke to the Ostby Ledger on Monday.', 'According to the Ledger, the harbour plan will cost more than planned.'))).toEqual([
      'Ostby Ledger/reported: the harbour plan will cost more than planned',
    ]);
    // Two bodies of that last word: which one is meant cannot be told.
    expect(quotes(body('The mayor spoke to the Ostby Ledger and the Brenwick Ledger.', 'According to the Ledger, the harbour plan will cost more than planned.'))).toEqual([
      'Ledger/reported: the harbour plan will cost more than planned',
    ]);
  });

  it('keeps a title whose stop is a token of its own in the title', () => {
    const doc = readDocument(body('Methodist Rev. Osric Thale opened the chapel.'));
    const sentence = doc.sentences.find((x) => doc.text.slice(x.start, x.end).startsWith('Methodist'));
    const runs = sentence ? nameRuns(doc, sentence.first, sentence.last) : [];
    expect(runs.map((r) => [r.title, r.name])).toEqual([['Methodist Rev.', 'Osric Thale']]);
  });
});

describe('verbs and spellings that are no part of a source', () => {
  it('reads an "-ed" word after a name or a comma as the verb, not a participle of the speaker phrase', () => {
    expect(quotes(body('Mayor Tilda Rask sharply rebuked critics who say the harbour plan is too costly.'))).toEqual(['critics/reported: the harbour plan is too costly']);
    const speakers = quotes(body('Tilda Rask, a planner, released figures Monday morning that suggest the harbour plan is too costly.')).map((q) => q.split('/')[0]);
    expect(speakers.some((s) => s?.startsWith('released'))).toBe(false);
  });

  it('keeps a name whole when its accent was decoded twice ("é" written "Ã©", the "Ã" perhaps decomposed)', () => {
    expect(quotes(body('Pierre SolÃ©nac, a judge, said the harbour ballots were counted twice.'))).toEqual(['Pierre SolÃ©nac/reported: the harbour ballots were counted twice']);
    expect(quotes(body('Pierre SolA\u0303\u00a9nac, a judge, said the harbour ballots were counted twice.'))).toEqual([
      'Pierre SolA\u0303\u00a9nac/reported: the harbour ballots were counted twice',
    ]);
  });
});

describe('embedded posts', () => {
  it('gives a post the name its embed signs it with, or the person its handle spells', () => {
    expect(
      quotes(
        body(
          'Reporters reacted online.',
          '<tweet id="1" author="@tarkwell" datetime="2016-05-03">The harbour vote was a farce. Shame on the council. pic.twitter.com/abc123 — Tamsin Arkwell (@tarkwell) May 3, 2016</tweet>.',
          'The press officer Eskil Varnholm tweeted the following:',
          '<tweet tweet-author="@EskilVarnholm" tweet-date="May 4, 2016">Crowds are cheering at the pier tonight!</tweet>',
        ),
      ),
    ).toEqual(['Tamsin Arkwell/direct: The harbour vote was a farce. Shame on the council.', 'Eskil Varnholm/direct: Crowds are cheering at the pier tonight!']);
  });

  it('reads a post closed by a self-closing "<tweet/>" as closed', () => {
    expect(
      quotes(
        body(
          'The press officer Eskil Varnholm tweeted the following:',
          '<tweet tweet-author="@EskilVarnholm" tweet-date="May 4, 2016">Crowds are cheering at the pier tonight! pic.twitter.com/abc123<tweet/>.',
        ),
      ),
    ).toEqual(['Eskil Varnholm/direct: Crowds are cheering at the pier tonight!']);
  });

  it('gives an unsigned post that opens with a person\'s name and a colon to that person, not to the handle', () => {
    expect(
      quotes(
        body(
          'The harbour row went on online.',
          '<tweet tweet-author="@portnews" tweet-date="May 4, 2016">Tamsin Arkwell: The harbour vote was a farce https://t.co/abc123<tweet/>.',
        ),
      ),
    ).toEqual(['Tamsin Arkwell/direct: The harbour vote was a farce']);
    expect(quotes(body('<tweet tweet-author="@portnews" tweet-date="May 4, 2016">Harbour Board: The pier stays shut<tweet/>.'))).toEqual([]);
  });
});

describe('the gender a text gives a person', () => {
  it('takes no gender from a next sentence whose pronouns are of both genders ("She did …, he said")', () => {
    const found = quotes(
      body(
        'Committee head Bram Lasko said the port must explain the files.',
        'Tamsin Arkwell testified that she never sent the files. James Tullen said those claims were wrong. She did send some files, he said; his staff found them. And they also found hundreds of other files, he said.',
      ),
    );
    expect(found).toContain('James Tullen/reported: And they also found hundreds of other files');
  });

  it('hears the narrative "he" after a quotation that follows a sentence led by a person whose given name suggests "she"', () => {
    const found = quotes(
      body(
        '"We will count every ballot," Tamsin Arkwell said on Monday.',
        'Nicola Tullen, a retired captain, backs the mayor. "The harbour was safe under her," he said.',
        'Despite critics holding Arkwell responsible for the loss of Captain Oren Lasko and others in the storm, Tullen says it is hard to blame one person.',
        '"Nobody wanted that storm," he said.',
      ),
    );
    expect(found).toContain('Nicola Tullen/direct: The harbour was safe under her');
    expect(found).toContain('Nicola Tullen/direct: Nobody wanted that storm');
  });
});

describe('GIVEN a sentence naming one person after a "she" that speaks of someone earlier', () => {
  it('THEN that "she" gives the named person no gender, and a later "he said" is theirs', () => {
    const found = quotes(
      body(
        'Governor Dravik has faced criticism for the harbour plan.',
        'But Tamsin Arkwell is not among the critics. Aides close to her campaign say she stands behind Governor Dravik\'s plan.',
        'Dravik leaves for the coast today. "The plan will hold," he said.',
      ),
    );
    expect(found).toContain('Dravik/direct: The plan will hold');
  });
});

describe('GIVEN a "he said" after a sentence led by someone other than the last speaker', () => {
  it('THEN "he" is the one leading the sentence just before ("Tullen himself was …")', () => {
    const found = quotes(
      body(
        'Oren Lasko suggested that the poster might offend. The poster went up. Bram Tullen himself was delighted by the fuss. "The people who were offended were people we meant to offend," he later said.',
      ),
    );
    expect(found).toContain('Bram Tullen/direct: The people who were offended were people we meant to offend');
  });

  it('THEN an adverb between that name and its verb does not hide it ("Tullen quietly smiled")', () => {
    const found = quotes(body('Oren Lasko warned that the poster might offend. Bram Tullen quietly smiled. "Let them be offended," he said.'));
    expect(found).toContain('Bram Tullen/direct: Let them be offended');
  });

  it('AND the last speaker keeps it when the sentence before is led by nobody new', () => {
    const found = quotes(body('Oren Lasko warned that the poster might offend. The poster went up anyway. "Let them be offended," he said.'));
    expect(found).toContain('Oren Lasko/direct: Let them be offended');
  });
});

describe('GIVEN a "she said" after words that name someone else', () => {
  it('THEN the one named in what was said is not the "she" who said it', () => {
    const found = quotes(
      body(
        'Nadia Perrow, a ferry captain, opposes the plan. She has marched twice this spring.',
        'Choosing between Governor Helga Selby and the council is a "false choice, because neither will keep the ferries running," she said.',
      ),
    );
    expect(found.some((q) => q.startsWith('Nadia Perrow/') && q.includes('false choice'))).toBe(true);
  });
});

describe('GIVEN a narrative subject named by a role ("the admiral chuckled")', () => {
  it('THEN a "he said" right after it goes on with the person of that role', () => {
    const found = quotes(
      body(
        'The chief of staff, Gen. Oren Lasko, recently put that question to Admiral Bram Tullen. Asked again later, the admiral chuckled. "It is good that my voice is low," he said.',
      ),
    );
    expect(found).toContain('Bram Tullen/direct: It is good that my voice is low');
  });
});

describe('GIVEN a "they write" after a place named with "in"', () => {
  it('THEN "they" is the group that spoke before, not the place', () => {
    const found = quotes(
      body('Researchers at the harbour institute say the ferry rules are too strict.', 'In the Ostby Republic, they write, "the rules are stricter still and nobody follows them."'),
    );
    expect(found).toContain('Researchers/direct: the rules are stricter still and nobody follows them.');
  });
});

describe('GIVEN a title before the first word of a two-word name (family name first)', () => {
  it('THEN "Mr. Mo" is the one "Mo Tianrui" named before, not a new person "Mo"', () => {
    const found = quotes(body('The minister, Mo Tianrui, said the talks went well.', '', '"We will not move on tariffs," Mr. Mo said.'));
    expect(found).toContain('Mo Tianrui/direct: We will not move on tariffs');
  });
});
