import { describe, expect, it } from 'vitest';
import { quotes, statements } from '../support/ingest-sentences.js';

/** Where what was said ends: words of the narration or of another statement are not part of it (stage 3). */

describe('GIVEN a verb of speech in a relative clause on the subject of a later verb ("S, who says C, said D")', () => {
  it('THEN what the relative clause says ends at the comma before the later verb', () => {
    expect(statements('Marla Fenwick, who says the mayor is attacking her because the race has tightened, said voters should back her.')).toEqual([
      'Marla Fenwick → the mayor is attacking her because the race has tightened',
      'Marla Fenwick → voters should back her',
    ]);
  });
});

describe('GIVEN what was said followed by ", but" and a clause', () => {
  it('THEN "he"/"she" with a verb that is no modal goes on about the speaker: what was said ends before "but"', () => {
    expect(statements('Mira Lund said the pier was sound, but she did not vote for it.')).toEqual(['Mira Lund → the pier was sound']);
    expect(statements('Mira Lund said the pier was "a gift to the town," but she voted against it.')).toEqual(['Mira Lund → the pier was "a gift to the town,"']);
  });

  it('THEN a modal after "he"/"she" keeps the clause in what was said', () => {
    expect(statements('Mira Lund said the pier was sound, but she would not vote for it.')).toEqual(['Mira Lund → the pier was sound, but she would not vote for it']);
  });

  it('THEN what was said with no verb of its own cannot take the clause: it ends before "but"', () => {
    expect(statements('Tor Berge explained the riddle in his book decades ago, but people keep falling for it.')).toEqual(['Tor Berge → the riddle in his book decades ago']);
    expect(statements('Tor Berge asked them to back the plan, but they do not have to.')).toEqual(['Tor Berge → them to back the plan']);
  });

  it('THEN a clause of its own with another subject stays in what was said', () => {
    expect(statements('Tor Berge said the pier is safe, but the ferry must wait.')).toEqual(['Tor Berge → the pier is safe, but the ferry must wait']);
  });
});

describe('GIVEN what was said followed by a lone dash and a clause of what happened meanwhile ("-- even as …")', () => {
  it('THEN what was said ends before the dash: the clause is the writer\'s', () => {
    expect(statements('Jon Bray is pledging to take his fight to the council floor -- even as the mayor closed in on the votes she needs.')).toEqual(['Jon Bray → to take his fight to the council floor']);
    expect(statements('Jon Bray said the ferry would keep running — while the council cut its budget again.')).toEqual(['Jon Bray → the ferry would keep running']);
  });

  it('THEN a dash that opens an aside closed by a second dash, or a clause of no subject and verb, stays in what was said', () => {
    expect(statements('Jon Bray said the ferry — as the council knew — would keep running.')).toEqual(['Jon Bray → the ferry — as the council knew — would keep running']);
    expect(statements('Jon Bray said the ferry would keep running -- as planned.')).toEqual(['Jon Bray → the ferry would keep running -- as planned']);
  });
});

describe('GIVEN "said in ’08 that …": a year with its century left out, after the verb', () => {
  it('THEN it is skipped as the time of saying, and what follows "that" is what was said', () => {
    expect(statements('Ola Brandt said in ‘08 that the early support of rural voters threw old assumptions into doubt.')).toEqual(['Ola Brandt → the early support of rural voters threw old assumptions into doubt']);
    expect(statements("Ola Brandt said in '97 that the ferry would never pay.")).toEqual(['Ola Brandt → the ferry would never pay']);
  });
});

describe('GIVEN a speech verb\'s passive participle with its agent set off between a subject and its predicate', () => {
  it('THEN the agent said the clause around the aside, and the predicate\'s verb credits no one', () => {
    expect(statements("The new harbour plan, first reported by the Brenwick Ledger on Monday, is the council's answer to the flooding.")).toEqual([
      "the Brenwick Ledger → The new harbour plan | is the council's answer to the flooding",
    ]);
  });

  it('THEN a subject with a verb of its own is no subject of a predicate after the aside', () => {
    expect(statements('Mira Lund said the pier, first described by a local paper, was unsafe.')).toEqual(['Mira Lund → the pier, first described by a local paper, was unsafe']);
  });
});

describe('GIVEN "according to" an outlet, with a statement said inside the clause it credits', () => {
  it('THEN a statement in a clause of its own leaves the clause the outlet\'s, and both are quoted', () => {
    expect(quotes('The harbour works went on through the winter.', 'According to the Brenwick Gazette, council staff looked into what would happen if the mayor announced she would resign.')).toEqual([
      'Brenwick Gazette: council staff looked into what would happen if the mayor announced she would resign',
      'mayor: she would resign',
    ]);
  });
});

describe('GIVEN a speech verb whose content opens with a subject joined by "and" ("S said both he and R promised …")', () => {
  it('THEN the "and" joins the subject of the content\'s verb: what S said runs on through the later verb', () => {
    expect(statements('Orlaith Quell said both he and Teodric Vinter promised to repair the old bridge by spring.')).toEqual([
      'Orlaith Quell → both he and Teodric Vinter promised to repair the old bridge by spring',
      'Teodric Vinter → to repair the old bridge by spring',
    ]);
    expect(statements('Orlaith Quell said he and Teodric Vinter promised to repair the old bridge.')).toEqual([
      'Orlaith Quell → he and Teodric Vinter promised to repair the old bridge',
      'Teodric Vinter → to repair the old bridge',
    ]);
  });

  it('THEN an "and" after words said before it still opens a new statement', () => {
    expect(statements('Orlaith Quell said the pier was sound and Teodric Vinter said it would fail.')).toEqual(['Orlaith Quell → the pier was sound', 'Teodric Vinter → it would fail']);
  });
});

describe('GIVEN a quotation opened by an invisible direction mark and a curly mark set the wrong way round', () => {
  it('THEN the mark still opens the quotation, and the quote is the quoted words alone', () => {
    expect(quotes('\u202a”We will stand firm on the harbor!!! Thanks to all of you!!!” wrote Orlaith Quell.')).toEqual([
      'Orlaith Quell: We will stand firm on the harbor!!! Thanks to all of you!!!',
    ]);
  });
});

describe('GIVEN what was said followed by ", echoing" (or "mirroring", "contradicting") and what it echoes', () => {
  it('THEN what was said ends before the comma: the relation to the other words is the writer\'s remark', () => {
    expect(statements('Mr. Quell said the plan would work, echoing a memo from the port office, which argued that the piers were safe.')).toEqual([
      'Mr. Quell → the plan would work',
      'a memo from the port office → the piers were safe',
    ]);
  });

  it('THEN "repeating" a line is saying it again, and stays', () => {
    expect(statements('Orlaith Quell said the piers would fail, repeating the warning she gave last year.')).toEqual([
      'Orlaith Quell → the piers would fail, repeating the warning she gave last year',
    ]);
  });
});

describe('GIVEN "according to" inside brackets that close the sentence ("… (C, according to S).")', () => {
  it('THEN S credits only the words inside the brackets', () => {
    expect(statements('The mayor cites the harbor board for his figures, such as the share of ruined piers (the real share is closer to 15 percent, according to the Brenwick Tidings).')).toEqual([
      'the Brenwick Tidings → the real share is closer to 15 percent',
    ]);
  });
});
