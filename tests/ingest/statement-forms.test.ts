import { describe, expect, it } from 'vitest';
import { quotes, statements } from '../support/ingest-sentences.js';

/** Where a statement's words and source are, in sentence shapes written for these tests (stage 3). */

describe('GIVEN a verb of speech in a sentence shape of its own', () => {
  it('THEN a verb joined by "but"/"and" with an adverb between ("but now says") speaks for the clause\'s subject', () => {
    expect(quotes('Tor Berge backed the old plan for years, but now says the pier must close.')).toEqual(['Tor Berge: the pier must close']);
  });

  it('THEN an auxiliary between "but" and the verb ("but has said") changes nothing', () => {
    expect(quotes('Mira Lund has voiced doubts but has said the pier must close.')).toEqual(['Mira Lund: the pier must close']);
    expect(quotes('The council met twice and had confirmed 40 new wardens by May.')).toEqual([]);
  });

  it('THEN an adjunct set off by commas between the verb and "that" leaves the clause after "that" to the verb', () => {
    expect(statements('Mira Lund also said, without evidence, that the pier was unsafe.')).toEqual(['Mira Lund → the pier was unsafe']);
  });

  it('THEN the one "who" said something is the name before it, not a phrase of modifiers and a preposition before the name', () => {
    expect(quotes('The defeat was hard for Mira Lund, who said she would run again.')).toEqual(['Mira Lund: she would run again']);
  });
});

describe('GIVEN a verb of speech with the one addressed before "that"', () => {
  it('THEN a name or an object pronoun before "that" is the addressee, and the clause after "that" what was said', () => {
    expect(statements('The council promised Mira Lund that the pier would reopen.')).toEqual(['The council → the pier would reopen']);
    expect(statements('The council warned them that the pier would close.')).toEqual(['The council → the pier would close']);
  });

  it('THEN a stray comma between the addressee and "that" changes nothing', () => {
    expect(statements('On Friday, Tor Berge told Mira Lund of the Ledger, that the pier is safe.')).toEqual(['Tor Berge → the pier is safe']);
  });
});

describe('GIVEN a verb of speech in a clause that opens the sentence with "as", "when", …', () => {
  it('THEN what was said ends at the comma before the main clause', () => {
    expect(statements('As Mira Lund announced that the pier was ready, the council met in the hall.')).toEqual(['Mira Lund → the pier was ready']);
  });

  it('THEN a comma inside what was said, with no main clause after it, ends nothing', () => {
    expect(statements('As Mira Lund announced that the pier, the oldest in town, was ready.')).toEqual(['Mira Lund → the pier, the oldest in town, was ready']);
  });
});

describe('GIVEN a participle of speech after a clause that opens with an adverb', () => {
  it('THEN an adverb with no comma of its own ("Then …") is part of the clause, whose subject speaks', () => {
    expect(quotes('Tor Berge spoke at the pier. Then he broke with his party, pledging that the pier would reopen.')).toEqual(['Tor Berge: the pier would reopen']);
  });
});

describe('GIVEN a verb of speech, a comma, and a conditional or time clause before what was said', () => {
  it('THEN the clause after the comma is what was said, the condition included', () => {
    expect(statements('Mira Lund said, if elected, she would reopen the pier.')).toEqual(['Mira Lund → if elected, she would reopen the pier']);
    expect(quotes('Tor Berge sent a letter saying, once the vote is counted, the council will publish the figures.')).toEqual([
      'Tor Berge: once the vote is counted, the council will publish the figures',
    ]);
  });
});

describe('GIVEN "since" between a perfect auxiliary and a verb of speech', () => {
  it('THEN "since" is an adverb ("has since said"), and the subject speaks', () => {
    expect(statements('Mira Lund has since said that she left because the pier was unsafe.')).toEqual(['Mira Lund → she left because the pier was unsafe']);
  });
});

describe('GIVEN a state or an irregular participle set off by commas between a name and its verb', () => {
  it('THEN the name before it speaks ("Lund, clearly upset, told …", "Lund, struck by the story, said …")', () => {
    expect(statements('Mira Lund, clearly upset, told him she did not need any notes.')).toEqual(['Mira Lund → she did not need any notes']);
    expect(statements('Tor Berge, struck by the story, said the pier must stay open.')).toEqual(['Tor Berge → the pier must stay open']);
  });
});

describe('GIVEN "according to" opening the that-clause of a verb of speech', () => {
  it('THEN the whole clause, "according to" included, is what the verb\'s subject said', () => {
    expect(quotes('Ilse Varn, a member of the party\'s board, said on Tuesday that according to its own count, the party has won 61 percent of the vote.')).toEqual([
      'Ilse Varn: according to its own count, the party has won 61 percent of the vote',
    ]);
  });
});

describe('GIVEN "and said" after a verb whose own words are no statement', () => {
  it('THEN the subject of that verb speaks when it opens a clause ("while S proposed …"), not the sentence\'s first subject', () => {
    expect(
      quotes('Harbour chief Bram Lasko on Monday signed an order to close the pier, while Ilse Varn, the former mayor, proposed we "sit down and talk it over" and said the council should resign.'),
    ).toContain('Ilse Varn: the council should resign');
  });

  it('THEN a verb inside a clause ("whether S could question …") lends no subject', () => {
    expect(quotes('Judge Mira Lund put off deciding whether the harbour board could question Varn but said the board could come back later.')).toEqual([
      'Mira Lund: the board could come back later',
    ]);
  });
});

describe('GIVEN a participle after a clause joined by ", but" to the one before', () => {
  it('THEN the joined clause\'s subject speaks, not the sentence\'s first subject', () => {
    expect(
      quotes('Varn quickly turned to talking about the budget and how she would cut it as mayor, but Lasko brought her back to the pier, asking Varn to explain her views on the ferry fares.'),
    ).toEqual(['Lasko: Varn to explain her views on the ferry fares']);
  });
});

describe('GIVEN a participle of speech that opens the sentence', () => {
  it('THEN the subject of the main clause after it said the participle\'s clause, up to the comma before that subject', () => {
    expect(statements('Acknowledging that the ferry was late, though, Tor Berge did say the harbour was safe.')).toEqual([
      'Tor Berge → the ferry was late',
      'Tor Berge → the harbour was safe',
    ]);
  });

  it('THEN a quotation closing the participle\'s clause ends it where no comma does', () => {
    expect(statements('Conceding that the pier would reopen “in the spring” she warned: “The budget is not ready.”')).toEqual([
      'she → the pier would reopen “in the spring”',
      'she → The budget is not ready.',
    ]);
  });
});

describe('GIVEN an -ing form of a speech verb after a comma and before "that"', () => {
  it('THEN it is a participle whose clause was said, even where the tagger reads a noun', () => {
    expect(statements('On Monday, she seemed to hint at her plans, warning that the pier is “not safe at all.”')).toEqual(['she → the pier is “not safe at all.”']);
  });
});

describe('GIVEN a participle of speech in an aside between a subject and its verb', () => {
  it('THEN the subject said the aside\'s clause, which ends at the comma before the subject\'s verb', () => {
    expect(statements('Tor Berge, after initially saying he would not run, entered the race this week.')).toEqual(['Tor Berge → he would not run']);
  });

  it('THEN a dashed aside right after the participle is no part of what was said', () => {
    expect(statements('Mira Lund, later alleging - again without proof - that the mayor wanted to sell the pier, left the hall.')).toEqual([
      'Mira Lund → the mayor wanted to sell the pier',
    ]);
  });
});

describe('GIVEN "went on to say"', () => {
  it('THEN the subject of "went" said what follows', () => {
    expect(statements('Tor Berge thanked the crew.', 'He went on to say the pier was unsafe.')).toEqual(['He → the pier was unsafe']);
    expect(statements('Mira Lund went on to say “the ferry is late.”')).toEqual(['Mira Lund → the ferry is late.']);
  });
});

describe('GIVEN a verb that addresses someone, then where or when, then a clause with no "that"', () => {
  it('THEN the clause after the adjunct is what was said', () => {
    expect(statements('The storm sparked a debate, with Tor Berge telling reporters on Thursday he viewed the mayor as responsible.')).toEqual([
      'Tor Berge → he viewed the mayor as responsible',
    ]);
  });
});

describe('GIVEN a transcript label whose name holds a hyphen', () => {
  it('THEN the hyphenated name speaks the words after the colon', () => {
    expect(statements('Mira Lund-Berge: The pier is safe, and the ferry will run.')).toEqual(['Mira Lund-Berge → The pier is safe, and the ferry will run']);
  });
});

describe('GIVEN "promised", "vowed" … with a clause and no "that"', () => {
  it('THEN a noun phrase then a modal ("her plan would …") is what was promised; a plain object is not', () => {
    expect(quotes('Mira Lund promised her whole harbour plan would be paid for through a port fee.')).toEqual([
      'Mira Lund: her whole harbour plan would be paid for through a port fee',
    ]);
    expect(quotes('Tor Berge promised voters a new pier.')).toEqual([]);
  });
});

describe('GIVEN a verb of speech, perhaps a time phrase, then "to say"', () => {
  it('THEN the subject of the first verb said the clause after "to say"', () => {
    expect(quotes('Mira Lund tweeted on Friday to say she had never backed the port fee.')).toEqual(['Mira Lund: she had never backed the port fee']);
    expect(quotes('Tor Berge wrote to say the ferry was late.')).toEqual(['Tor Berge: the ferry was late']);
  });
});

describe('GIVEN a name and "reports" set off by a comma at the end of a sentence', () => {
  it('THEN "reports" is the verb and the name tells what came before', () => {
    expect(quotes('The new fares will rise for most riders, the Harbor Ledger reports.')).toEqual(['Harbor Ledger: The new fares will rise for most riders']);
  });

  it('THEN the name tells the whole sentence, an earlier speaker\'s words too', () => {
    expect(quotes('Fans of Elm Ridge also chanted, "Close the gate," at the game, the Harbor Ledger reports.')).toContain('Harbor Ledger: Fans of Elm Ridge also chanted, "Close the gate," at the game');
  });
});

describe('GIVEN a closing attribution followed by a dash and a remark on what was said', () => {
  it('THEN the dash ends the attribution, and the clause before it is what was said', () => {
    expect(quotes('The pier will reopen in May, Tor Berge said this week at a meeting in the harbour — a reversal of his old stance.')).toEqual([
      'Tor Berge: The pier will reopen in May',
    ]);
    expect(quotes('Harbour fees will rise this year, the port board reported on Tuesday -- a change that worries traders.')).toEqual([
      'port board: Harbour fees will rise this year',
    ]);
  });
});

describe('GIVEN a verb joined by "and" with a time phrase between them', () => {
  it('THEN the verb after "and on Monday" or "and last week" speaks for the clause\'s subject', () => {
    expect(quotes('Tor Berge has freed up funds for the pier and on Monday announced the ferry would run again.')).toEqual(['Tor Berge: the ferry would run again']);
    expect(quotes('Mira Lund met the harbour board and last week said the pier would reopen.')).toEqual(['Mira Lund: the pier would reopen']);
  });
});

describe('GIVEN a long description set off between the subject and its verb', () => {
  it('THEN a relative clause with commas of its own ("whose town, Brenwick, is …") is one apposition of the subject', () => {
    expect(quotes('Tor Berge, whose town, Brenwick, is expected to flood within a decade, argues that the pier will fail.')).toEqual(['Tor Berge: the pier will fail']);
  });

  it('THEN "clad in" or "dressed in" and what someone wore, with a clause about it, is an apposition of the subject', () => {
    expect(quotes('Harbour delegate Mira Lund, clad in a red cape with blinking lights that formed the word Pier, said the vote could be a failure.')).toEqual([
      'Mira Lund: the vote could be a failure',
    ]);
  });
});

describe('GIVEN a verb of speech whose clause opens with a subject of two joined by "and"', () => {
  it('THEN the clause runs on past the second verb: "said both she and B promised …" is one statement', () => {
    expect(statements('Mira Lund said both she and Tor Berge promised as candidates to fight the pier fee, but only she kept her promise.')).toEqual([
      'Mira Lund → both she and Tor Berge promised as candidates to fight the pier fee, but only she kept her promise',
    ]);
    expect(statements('Mira Lund said the fee rose and Tor Berge said it fell.')).toEqual(['Mira Lund → the fee rose', 'Tor Berge → it fell']);
  });
});

describe('GIVEN "reported" or "disclosed" with figures of one\'s own', () => {
  it('THEN a gerund of having or earning money, or "between" and an amount, is what was reported', () => {
    expect(statements('Tor Berge reported having 3 million dollars in cash on hand at the start of March.')).toEqual(['Tor Berge → having 3 million dollars in cash on hand at the start of March']);
    expect(statements('Mira Lund reported between $5,000 and $15,000 in income from the ferry line.')).toEqual(['Mira Lund → between $5,000 and $15,000 in income from the ferry line']);
  });

  it('THEN a participle set off after the figures comments on them and is no part of them', () => {
    expect(statements('Tor Berge reported earning $12 million from the pier on his disclosure form, making it his best asset.')).toEqual(['Tor Berge → earning $12 million from the pier on his disclosure form']);
    expect(statements('Tor Berge reported seeing a ship near the pier.')).toEqual([]);
  });
});

describe('GIVEN a quotation opened by a closing curly mark after an invisible direction mark', () => {
  it('THEN the mark opens the quotation, and the words (without the direction mark) are what was said', () => {
    expect(quotes('\u202a”The pier must stay open. It is ours,” said Mira Lund.')).toEqual(['Mira Lund: The pier must stay open. It is ours']);
  });
});

describe('GIVEN "complained", "boasted", "joked" or "warned" with "about" or "of"', () => {
  it('THEN the phrase after the preposition is what was said, to a comma or a verb joined by "but"/"and"', () => {
    expect(statements('Tor Berge complained about the grim tone of the harbour race but defended Mira Lund as a fair rival.')).toEqual(['Tor Berge → the grim tone of the harbour race']);
    expect(statements('Mira Lund boasted of her skill in cutting the pier fee, to cheers.')).toEqual(['Mira Lund → her skill in cutting the pier fee']);
    expect(statements('Tor Berge spoke about the pier.')).toEqual([]);
  });
});

describe('GIVEN a verb whose object is only a noun of speech, then a sentence that is only a quotation', () => {
  it('THEN the quotation is what was said ("tweeted a warning. “…”")', () => {
    expect(quotes('Mira Lund, a candidate who has made the pier her cause, tweeted a warning. “Remember in November the members who voted for the fee.”')).toEqual([
      'Mira Lund: Remember in November the members who voted for the fee.',
    ]);
    expect(statements('Mira Lund tweeted a warning. The pier closed.')).toEqual(['Mira Lund → a warning']);
  });
});

describe('GIVEN a name and "reports" opening a sentence, and a clause whose subject holds a hyphenated word', () => {
  it('THEN the hyphen is no break before the clause\'s verb, and "reports" is a verb of speech', () => {
    expect(statements('Portwatch reports the once-close partners had a falling out after the vote.')).toEqual(['Portwatch → the once-close partners had a falling out after the vote']);
  });
});

describe('GIVEN a quotation that lost its closing mark before an attribution', () => {
  it('THEN the quotation ends at the comma before ", said NAME", which attributes it', () => {
    expect(quotes('"There was little help for parents in the early years about what papers to keep, said Mira Lund, whose group backs two bills.')).toEqual([
      'Mira Lund: There was little help for parents in the early years about what papers to keep',
    ]);
  });

  it('THEN a quotation that goes on in the next paragraph keeps its words whole', () => {
    expect(quotes('Mira Lund told the story:', '“We asked the board, they said no. We asked again and again.', '“Then the board gave way,” she said.')).toEqual([
      'Mira Lund: We asked the board, they said no. We asked again and again.',
      'Mira Lund: Then the board gave way',
    ]);
  });
});

describe('GIVEN a quotation sentence, then "S asked reporters" and only how, where or when', () => {
  it('THEN the object is the one asked, and the quotation before is what was said', () => {
    expect(statements('“You think I will change?” Tor Berge asked reporters rhetorically during a news conference late last month.')).toEqual(['Tor Berge → You think I will change?']);
    expect(statements('“Why now?” Tor Berge asked reporters whether the pier would close.')).toEqual(['Tor Berge → reporters whether the pier would close']);
  });
});

describe('GIVEN "Here\'s NAME", perhaps where or when, a colon and a quotation', () => {
  it('THEN the name speaks the quotation', () => {
    expect(quotes('Here’s Tor Berge in December 1992: “Our new plan must rest on the pier. The world we face today is one of ports.”')).toEqual([
      'Tor Berge: Our new plan must rest on the pier. The world we face today is one of ports.',
    ]);
    expect(quotes('Here’s the thing: “The pier stays.”')).toEqual([]);
  });
});

describe('GIVEN an apposition that is "a" and adjectives standing for a person ("a longtime liberal")', () => {
  it('THEN it describes the subject, and a participle after the clause speaks for that subject', () => {
    expect(quotes('Mira Lund, a longtime liberal, lashed out at the harbour board, telling Tor Berge that words matter.')).toEqual(['Mira Lund: words matter']);
  });
});
