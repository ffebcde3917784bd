import { describe, expect, it } from 'vitest';
import { findCues } from '../../src/ingest/cues.js';
import { readDocument } from '../../src/ingest/document.js';
import { extractArticle } from '../../src/ingest/extract.js';
import { nameRuns } from '../../src/ingest/names.js';
import { findQuotations } from '../../src/ingest/quotations.js';
import { layout } from '../../src/ingest/layout.js';
import { buildQuotes } from '../../src/ingest/speakers.js';
import type { Entity } from '../../src/ingest/registry.js';
import { article, statements } from '../support/ingest-sentences.js';

/** Each stage of ingestion on short texts written for these tests. */


/** The quoted words of every quotation, and whether it stands on its own. */
function quotations(...paragraphs: string[]): string[] {
  const text = article(...paragraphs);
  return findQuotations(text, layout(text).paragraphs).map((q) => `${text.slice(q.inner.start, q.inner.end)}${q.standalone ? '' : ' (phrase)'}${q.continues ? ' (continues)' : ''}`);
}

/** Cue lemmas and kinds of a one-sentence text. */
function cues(sentence: string): string[] {
  const doc = readDocument(article(sentence));
  return doc.sentences.flatMap((s) => findCues(doc, s)).map((c) => `${c.kind}:${c.lemma}`);
}

/** Speaker and words of every quote the whole pipeline extracts. */
function quotes(...paragraphs: string[]): string[] {
  const data = extractArticle(article(...paragraphs));
  const people = new Map(data.people.map((p) => [p.id, p]));
  return data.quotes.map((q) => {
    const person = people.get(q.speaker);
    return `${person?.name}${person?.named === false ? ' (described)' : ''}: ${q.parts ? q.parts.map((p) => article(...paragraphs).slice(p.start, p.end)).join(' | ') : q.text}`;
  });
}

describe('GIVEN quotation marks of every style (stage 1)', () => {
  it('THEN curly, straight and doubled-apostrophe quotations are found, and a quoted phrase inside a clause is told apart', () => {
    expect(quotations('“We will build it,” she said.')).toEqual(['We will build it,']);
    expect(quotations('"We will build it," she said.')).toEqual(['We will build it,']);
    expect(quotations("''We will build it,'' she said of the ''grand'' plan.")).toEqual(['We will build it,', 'grand (phrase)']);
  });

  it('THEN a curly mark set the wrong way round still opens before a word and closes after one', () => {
    expect(quotations('“Not this year,“ she said. “Maybe the next.”')).toEqual(['Not this year,', 'Maybe the next.']);
    expect(quotations('”Not this year,” she said.')).toEqual(['Not this year,']);
    expect(quotations('She called it “a farce” and moved on.')).toEqual(['a farce (phrase)']);
  });

  it('THEN single marks are quotations only where a paragraph has no double ones, and apostrophes never are', () => {
    expect(quotations("Lund: ‘We won’t stop,’ she said.")).toEqual(['We won’t stop,']);
    expect(quotations("The voters’ choice isn't clear, and the mayor's plan isn't either.")).toEqual([]);
  });

  it('THEN a quotation left open at the end of a paragraph goes on in the next one that opens with a mark', () => {
    expect(quotations('She said: “The first part ends here.', '“And the second part ends here.”')).toEqual(['The first part ends here. (continues)', 'And the second part ends here.']);
  });
});

describe('GIVEN a sentence with a cue (stage 2)', () => {
  it('THEN verbs of speech beyond "said" are cues, by their lemma', () => {
    expect(cues('The mayor argued that the bridge was safe.')).toEqual(['verb:argue']);
    expect(cues('She emphasized that costs had fallen and warned against delay.')).toEqual(['verb:emphasize', 'verb:warn']);
    expect(cues('The chairman pointed out that nothing had changed.')).toEqual(['verb:point out']);
  });

  it('THEN a contracted "’s" before a speech verb is the progressive or the perfect, curly or straight, but "it’s said" stays passive', () => {
    expect(cues('He’s saying the vote was fair.')).toEqual(['verb:say']);
    expect(cues("He's saying the vote was fair.")).toEqual(['verb:say']);
    expect(cues('She’s said the vote was fair.')).toEqual(['verb:say']);
    expect(cues('It’s said the vote was fair.')).toEqual([]);
  });

  it('THEN passive, negated and intended speech is no cue', () => {
    expect(cues('She was told to wait.')).toEqual([]);
    expect(cues('The firm did not say when it would open.')).toEqual([]);
    expect(cues('The firm declined to comment.')).toEqual([]);
  });

  it('THEN participles, "according to", transcript labels and dashes are cues of their own', () => {
    expect(cues('The council raised fees, saying costs had doubled.')).toEqual(['participle:say']);
    expect(cues('According to the report, costs doubled.')).toEqual(['according:according to']);
    expect(cues('LUND: We will not give up.')).toEqual(['label:label']);
    expect(cues('“Never again.” — Mira Lund')).toEqual(['dash:dash']);
    expect(cues('The result surprised nobody less than the pollster Mira Lund: “We saw it coming.”')).toEqual(['colon:colon']);
  });

  it('THEN a speech word the tagger reads as a noun is the verb where only an attribution can stand', () => {
    expect(cues('“The bridge is safe,” Mira Lund notes.')).toEqual(['verb:note']);
    expect(cues('“The bridge is safe,” Mira Lund claims, “and cheap.”')).toEqual(['verb:claim']);
    expect(cues('Her notes were long, and the claims were false.')).toEqual([]);
    // After a common noun too, and a plural one's verb has no "s".
    expect(cues('“The bridge is safe,” the ad states.')).toEqual(['verb:state']);
    expect(cues('“The bridge is safe,” the officials state in the report.')).toEqual(['verb:state']);
    expect(cues('The officials state a case in the report.')).toEqual([]);
    // Between a name or "he"/"she" and "that", where a noun cannot stand.
    expect(cues('Mira Lund reports that the bridge is safe.')).toEqual(['verb:report']);
    expect(cues('She claims that the bridge is safe.')).toEqual(['verb:claim']);
    expect(cues('The reports that the bridge is safe were false.')).toEqual([]);
    expect(cues('Mira Lund, a harbour engineer, notes that the bridge is safe.')).toEqual(['verb:note']);
    // After a name and before a clause with a verb of its own.
    expect(cues('The Brenwick Post reports the mayor will resign.')).toEqual(['verb:report']);
    expect(cues('The Brenwick Post reports were long.')).toEqual([]);
    expect(cues('Mira Lund keeps the Brenwick notes in a box.')).toEqual([]);
  });

  it('THEN a clause opener after a subject is an adverb ("once said"), but "when asked" stays a clause', () => {
    expect(cues('Mira Lund once said the bridge was safe.')).toEqual(['verb:say']);
    expect(cues('Mira Lund when asked only smiled.')).toEqual([]);
  });
});

describe('GIVEN a sentence that attributes (stage 3)', () => {
  it('THEN the words after the verb are the statement, past "that", an addressee and adjuncts', () => {
    expect(statements('Mira Lund said that the bridge was safe.')).toEqual(['Mira Lund → the bridge was safe']);
    expect(statements('Mira Lund told reporters on Tuesday that the bridge was safe.')).toEqual(['Mira Lund → the bridge was safe']);
    expect(statements('Mira Lund said in a statement on Monday that the bridge was safe.')).toEqual(['Mira Lund → the bridge was safe']);
    expect(statements('Mira Lund called the plan “a disgrace.”')).toEqual(['Mira Lund → the plan “a disgrace.”']);
  });

  it('THEN a quotation after where and when set off by commas is what the verb said', () => {
    expect(statements('Mira Lund said in the spring, when the first cracks appeared, “The bridge is safe.”')).toEqual(['Mira Lund → The bridge is safe.']);
  });

  it('THEN a verb joined by ", then" speaks for the subject of the clause before', () => {
    expect(statements('Mira Lund waved to the crowd, then says the bridge will open in May.')).toEqual(['Mira Lund → the bridge will open in May']);
  });

  it('THEN an adverb set off by commas between the source and its verb is no part of either', () => {
    expect(statements('Mira Lund, meanwhile, told reporters on Monday that the bridge was safe.')).toEqual(['Mira Lund → the bridge was safe']);
  });

  it('THEN a clause opened by an -ing phrase or an amount is what was said, but an -ing phrase or amount alone says how', () => {
    expect(statements('Mira Lund said having a second bridge would ease the traffic.')).toEqual(['Mira Lund → having a second bridge would ease the traffic']);
    expect(statements('The port office says widening the channel will cost more.')).toEqual(['The port office → widening the channel will cost more']);
    expect(statements('The port office said about half of the fees went to repairs.')).toEqual(['The port office → about half of the fees went to repairs']);
    expect(statements('Mira Lund said speaking to reporters on the quay.')).toEqual([]);
    expect(statements('Mira Lund said over the noise.')).toEqual([]);
    expect(statements('On Friday, as the fair opened, the port office reported at least six ships left the harbour.')).toEqual(['the port office → at least six ships left the harbour']);
  });

  it('THEN what a promise, pledge, vow or threat is to do is what was said, but not in a relative clause that describes the source', () => {
    expect(statements('Mira Lund promised to rebuild the bridge by spring.')).toEqual(['Mira Lund → to rebuild the bridge by spring']);
    expect(statements('The union threatened to strike “within days.”')).toEqual(['The union → to strike “within days.”']);
    expect(statements('Mira Lund vowed not to close the bridge.')).toEqual(['Mira Lund → not to close the bridge']);
    expect(statements('Mira Lund, who has long pledged to rebuild the bridge, opened the fair.')).toEqual([]);
    // "…, a plan the council says …": a noun set off by a comma and a clause about it end what was promised.
    expect(statements('Mira Lund promised to rebuild the bridge, a plan the council says will cost too much.')).toEqual([
      'Mira Lund → to rebuild the bridge',
      'the council → will cost too much',
    ]);
  });

  it('THEN an adjunct set off by a comma between the verb and a colon leaves the quotation after the colon to the verb', () => {
    expect(statements('Mira Lund replied, with a smile: “It can happen to anyone.”')).toEqual(['Mira Lund → It can happen to anyone.']);
    expect(quotes('Mira Lund said, in a statement on Monday: “We are done.”')).toEqual(['Mira Lund: We are done.']);
  });

  it('THEN a quoted name given by "called" ends the statement where the speaker\'s next act begins', () => {
    expect(statements('Mira Lund called the plan “a disgrace” and accused the council of hiding the cost.')).toEqual(['Mira Lund → the plan “a disgrace”']);
    expect(statements('Tor Berge called it “a farce,” linking to a report on the port.')).toEqual(['Tor Berge → it “a farce,”']);
    expect(statements('Nils Holm called the plan “a good start” and “a fair deal.”')).toEqual(['Nils Holm → the plan “a good start” and “a fair deal.”']);
  });

  it('THEN a reported clause with a quoted phrase ends where the writer\'s comment or the speaker\'s next act begins', () => {
    expect(statements('Mira Lund said she was “ready to serve” — a rare admission from the mayor.')).toEqual(['Mira Lund → she was “ready to serve”']);
    expect(statements('Mira Lund said the plan was “badly drafted,” which surprised her allies.')).toEqual(['Mira Lund → the plan was “badly drafted,”']);
    expect(statements('Mira Lund said she would offer “her support” to the winner but did not name a favourite.')).toEqual(['Mira Lund → she would offer “her support” to the winner']);
    expect(statements('Tor Berge said he felt “very good” as he left the hall.')).toEqual(['Tor Berge → he felt “very good”']);
    // Words the speaker goes on to say, joined by "and", stay.
    expect(statements('Mira Lund said she was “ready to serve” and would run again.')).toEqual(['Mira Lund → she was “ready to serve” and would run again']);
  });

  it('THEN content before a trailing attribution, or around one set in the middle, is the statement', () => {
    expect(statements('The bridge will close in May, the council said on Monday.')).toEqual(['the council → The bridge will close in May']);
    expect(statements('The delay, Mira Lund said, was avoidable.')).toEqual(['Mira Lund → The delay | was avoidable']);
    expect(statements('“It is safe,” said Mira Lund, the chief engineer.')).toEqual(['Mira Lund → It is safe']);
    expect(statements('“It is safe,” she said and quickly hung up.')).toEqual(['she → It is safe']);
    expect(statements('“It is safe,” Tor Berge told a woman walking past who looked puzzled by the crowd on the bridge.')).toEqual(['Tor Berge → It is safe']);
    expect(statements('Tor Berge said she and other engineers were alarmed by the cracks.')).toEqual(['Tor Berge → she and other engineers were alarmed by the cracks']);
  });

  it('THEN a quotation opening the sentence right before its attribution is what was said, not the words after the verb', () => {
    expect(statements('“Being a dad, that is my job,” Lund said in May on the podcast “Here Is the Thing.”')).toEqual(['Lund → Being a dad, that is my job']);
    expect(statements('“I said it matters,” Lund said answering a question at a town hall in Oslo.')).toEqual(['Lund → I said it matters']);
    expect(statements('“It will be hard to do it fast,” said a data expert who has worked for one of the rivals.')).toEqual(['a data expert → It will be hard to do it fast']);
    expect(statements('Neither man liked her - “Born with a silver spoon,” Mr. Elkins said - but they could not back him.')).toEqual(['Mr. Elkins → Born with a silver spoon']);
    // What "that" brings after the verb is still what was said.
    expect(statements('“We tried,” Lund told reporters that the plan had failed.')).toEqual(['Lund → the plan had failed']);
  });

  it('THEN a verb joined by "and" after an opening participle speaks for the main clause\'s subject', () => {
    expect(statements('Asked on Monday, Mrs. Lund shook her head and said, “No.”')).toEqual(['Mrs. Lund → No.']);
  });

  it('THEN after a quotation, a verb\'s object that is only the one asked or urged leaves the quotation as what was said', () => {
    expect(statements('“Why did the plan fail?” Tor Berge asked the minister.')).toEqual(['Tor Berge → Why did the plan fail?']);
    expect(statements('“Wait one minute,” Tor Berge urged them, as the crowd booed.')).toEqual(['Tor Berge → Wait one minute']);
    // An object with words of its own is still what was asked.
    expect(statements('Tor Berge asked the minister whether the plan had failed.')).toEqual(['Tor Berge → the minister whether the plan had failed']);
  });

  it('THEN a name and its verb closing a sentence after a clause, with the comma left out, attribute that clause', () => {
    expect(statements('The plan is not only cheap, it is also the safest option planner Lund argues.')).toEqual([
      'Lund → The plan is not only cheap, it is also the safest option planner',
    ]);
    expect(quotes('Tor Berge spoke first.', 'The plan is cheap, it is also the safest option planner Mira Lund argues.', '“It is the best,” she says.')).toEqual([
      'Mira Lund: The plan is cheap, it is also the safest option planner',
      'Mira Lund: It is the best',
    ]);
  });

  it('THEN an attribution only set after the content (not off by a comma) claims nothing before it', () => {
    expect(statements('During the long vote in the hall, Mira Lund remarked on the weather.')).toEqual([]);
  });

  it('THEN a quoted phrase inside a relative clause after the source stays in that clause, and the quotation before is what was said', () => {
    expect(quotes("''Prices are up,'' said Mr. Holm, who noted that the price had ''cratered'' to half.")).toEqual(['Holm: Prices are up', "Holm: the price had ''cratered'' to half"]);
  });

  it('THEN a description after the source keeps a clause that qualifies it, and is no part of the statement', () => {
    expect(quotes('That “is what saved us,” said Mira Lund, the minister of finance at the time the tax was passed. “I knew it would work.”')).toEqual([
      'Mira Lund: That “is what saved us,” | I knew it would work.',
    ]);
  });

  it('THEN the head of a source is the name before its appositions', () => {
    expect(statements('Mira Lund, 61, a former engineer who now runs a charity, said the bridge was safe.')).toEqual(['Mira Lund → the bridge was safe']);
    expect(statements('His lawyer, Tor Berge, said the case was weak.')).toEqual(['His lawyer → the case was weak']);
    expect(statements('Mira Lund, in Oslo on Monday, said the bridge was safe.')).toEqual(['Mira Lund → the bridge was safe']);
    expect(statements('Mira Lund, at a rally in the port, said the bridge was safe.')).toEqual(['Mira Lund → the bridge was safe']);
  });

  it('THEN an opening where or when set off by a comma is no head, and a titled name right after one is the subject', () => {
    expect(statements('On the radio Tuesday, his wife, Mira, called for an open vote.')).toEqual(['his wife → for an open vote']);
    expect(quotes('In Oslo, the mayor, Tor Berge, said the port was safe.')).toEqual(['Tor Berge: the port was safe']);
    expect(statements('Tuesday at Lindhaven College in Brenwick, OH, after winning Ohio in the primary, Gov. Tor Berge (R-OH), said, “I am ready.”')).toEqual([
      'Gov. Tor Berge (R-OH) → I am ready.',
    ]);
  });

  it('THEN a time phrase between the source and its verb is no part of the source', () => {
    expect(statements('Mira Lund, the port director, this past week said the bridge was safe.')).toEqual(['Mira Lund → the bridge was safe']);
    expect(statements('The city council less than two weeks ago said the bridge was safe.')).toEqual(['The city council → the bridge was safe']);
    expect(statements('Mira Lund (D-Oslo) earlier in the day said the bridge was safe.')).toEqual(['Mira Lund (D-Oslo) → the bridge was safe']);
    expect(statements('The port authority last month announced that fees would rise.')).toEqual(['The port authority → fees would rise']);
  });

  it('THEN a quotation interrupted by its attribution is one statement of two parts, and narration after it is none', () => {
    expect(statements('“We tried,” she said, “and we failed.”')).toEqual(['she → We tried | and we failed.']);
    expect(statements('“We tried,” she said, and the crowd, tired and cold, walked home along the river.')).toEqual(['she → We tried']);
    expect(statements('“We will charge you,” Lund said in March of the boat maker Keel Inc., whose owner moved 900 jobs abroad.')).toEqual(['Lund → We will charge you']);
  });

  it('THEN a name before a colon signs the quotation after it', () => {
    expect(statements('The result surprised nobody less than the pollster Mira Lund: “We saw it coming.”')).toEqual(['the pollster Mira Lund → We saw it coming.']);
  });

  it('THEN "according to" attributes the clause around it', () => {
    expect(statements('Costs doubled last year, according to the city auditor.')).toEqual(['the city auditor → Costs doubled last year']);
    expect(statements('According to Mira Lund, a planner at the city, the bridge is safe.')).toEqual(['Mira Lund → the bridge is safe']);
  });

  it('THEN a participle and a second verb speak for the subject of the clause', () => {
    expect(statements('Mira Lund released a statement saying the bridge was safe.')).toEqual(['Mira Lund → the bridge was safe']);
    expect(statements('Mira Lund praised the crews and said the bridge was safe.')).toEqual(['Mira Lund → the bridge was safe']);
  });

  it('THEN a participle speaks for the subject of the main clause, past openers, asides, relative clauses and infinitives', () => {
    expect(statements('At a rally in May, while most of his rivals called for more ships, Tor Berge held back, noting that the navy was large enough.')).toEqual([
      'Tor Berge → the navy was large enough',
    ]);
    expect(statements('On the other side, Mira Lund -- whose husband built the bridge -- has derided the plan, suggesting that the costs are too high.')).toEqual([
      'Mira Lund → the costs are too high',
    ]);
    expect(statements('In a letter released Monday, Tor Berge rips the plan to sell the port, arguing that the deal favors the banks.')).toEqual(['Tor Berge → the deal favors the banks']);
  });

  it('THEN where or how, set between a name and its verb without commas, is no part of the source', () => {
    expect(statements('Tor Berge in a long post said he would appoint more judges.')).toEqual(['Tor Berge → he would appoint more judges']);
    expect(statements('Tor Berge at the rally on Monday said he would appoint more judges.')).toEqual(['Tor Berge → he would appoint more judges']);
  });

  it('THEN a verb joined by "and" speaks for the subject of the verb it is joined to, in whatever clause', () => {
    expect(statements('The crowd cheered when Tor Berge spotted a sign and asked that it be brought to him.')).toEqual(['Tor Berge → it be brought to him']);
  });

  it('THEN a participle after a name set off by a dash or "and" speaks for that name', () => {
    expect(statements('Both issued a statement – Tor Berge saying he was “very pleased” and Mira Lund calling it “a good day.”')).toEqual([
      'Tor Berge → he was “very pleased”',
      'Mira Lund → it “a good day.”',
    ]);
  });

  it('THEN an aside set off by dashes between the source and its verb is no part of the source', () => {
    expect(statements('Mira Lund -- whose husband built the bridge -- said that the costs are too high.')).toEqual(['Mira Lund → the costs are too high']);
    expect(statements('Mira Lund — a planner in the port — said that the costs are too high.')).toEqual(['Mira Lund → the costs are too high']);
  });

  it('THEN a participle after "with" and a phrase speaks for that phrase, not for the clause\'s subject', () => {
    expect(statements('The count ended, with Tor Berge saying he was “very pleased.”')).toEqual(['Tor Berge → he was “very pleased.”']);
    expect(statements('The town met on Monday, with officials saying the road would close.')).toEqual(['officials → the road would close']);
  });
});

describe('GIVEN quotations without an attribution of their own (stage 4)', () => {
  it('THEN a quotation sentence after a quote joins it, and one before an attributed quote does too', () => {
    expect(quotes('Mira Lund was upbeat. “We tried,” she said. “We will try again.”')).toEqual(['Mira Lund: We tried | We will try again.']);
    expect(quotes('Mira Lund was upbeat. “We tried.” “We will try again,” she said.')).toEqual(['Mira Lund: We tried. | We will try again']);
    expect(quotes('Mira Lund was upbeat. “We tried,” she said. “We will try again” before the year is out.')).toEqual(['Mira Lund: We tried | We will try again']);
    // Words that end with a quoted phrase are the speaker quoting too: her next quotation sentence goes on with them.
    expect(quotes('The plans are “deeply unwise,” said Mira Lund, a planner. “It leaves me speechless.”')).toEqual(['Mira Lund: The plans are “deeply unwise,” | It leaves me speechless.']);
  });

  it('THEN a paragraph of quotation after one that ended with a speaker\'s quote is that speaker\'s next turn', () => {
    expect(quotes('“We tried,” said Mira Lund.', '“And we will try again.”')).toEqual(['Mira Lund: We tried', 'Mira Lund: And we will try again.']);
  });

  it('THEN a paragraph of quotation signed by a dash and a name in the next paragraph is that person\'s', () => {
    expect(quotes('Tor Berge spoke.', '“The idea that I would close the port is just not right. I helped build it.”', '- Mira Lund.', 'Lund tends to overstate her role.')).toEqual([
      'Mira Lund: The idea that I would close the port is just not right. I helped build it.',
    ]);
    expect(quotes('“Great speech. She is ready.”', '— Tor Berge, writing after the speech.')).toEqual(['Tor Berge: Great speech. She is ready.']);
  });

  it('THEN a paragraph ending with a colon is answered by the quotation that opens the next one', () => {
    expect(quotes('Mira Lund put it this way:', '“We tried, and we will try again.”')).toEqual(['Mira Lund: We tried, and we will try again.']);
    expect(quotes('Mira Lund called them out on it:', '“We tried, and we will try again.”')).toEqual(['Mira Lund: We tried, and we will try again.']);
  });
});

describe('GIVEN sources to resolve (stage 5)', () => {
  it('THEN a where or when set off after a name is no role', () => {
    const data = extractArticle(article('Mira Lund, a planner, in Oslo on Monday, said the bridge was safe.', 'Tor Berge, in the port, said it was not.'));
    expect(data.people.map((p) => `${p.name}: ${p.role ?? ''}`)).toEqual(['Mira Lund: planner', 'Tor Berge: ']);
  });

  it('THEN "he" and "she" go to the nearest person of their gender, learnt from titles and from the pronouns the text uses', () => {
    expect(quotes('Mira Lund met Tor Berge on Monday. She runs the port, and her board backs her.', 'Tor Berge left early. He said the port was too small.', 'She said it was big enough.')).toEqual([
      'Tor Berge: the port was too small',
      'Mira Lund: it was big enough',
    ]);
    expect(quotes('Mrs. Lund and Mr. Berge spoke.', 'She said the plan was ready.')).toEqual(['Lund: the plan was ready']);
  });

  it('THEN "he" later in a sentence whose subject is a named person is that person, not the speaker before; a name after a preposition or "that" is no subject', () => {
    expect(quotes('“The bridge is too costly,” Tor Berge said. Eskil Varnholm, who runs the port, met the mayor on Monday, after which he said the fees would rise.')).toEqual([
      'Tor Berge: The bridge is too costly',
      'Eskil Varnholm: the fees would rise',
    ]);
    expect(quotes('“The bridge is too costly,” Tor Berge said. Backed by Eskil Varnholm, he said the fees would rise.')).toEqual([
      'Tor Berge: The bridge is too costly',
      'Tor Berge: the fees would rise',
    ]);
    expect(quotes('“The bridge is too costly,” Tor Berge said. Asked whether Eskil Varnholm agreed, he said the fees would rise.')).toEqual([
      'Tor Berge: The bridge is too costly',
      'Tor Berge: the fees would rise',
    ]);
  });

  it('THEN a "he" of the narrative carries the chain of pronouns on, past a person named later in its sentence', () => {
    expect(quotes('Tor Berge never mentioned the mayor.', 'He thanked his staff and the voters of Halden behind Eskil Varnholm.', '“We learned a lot this week,” he said.')).toEqual([
      'Tor Berge: We learned a lot this week',
    ]);
  });

  it('THEN a person named in what another says is no speaker a later "he said" continues, but a pronoun there goes on with its chain', () => {
    expect(quotes('Tor Berge, the party chairman, said Eskil Varnholm told voters the port would close. “It has not gone well,” he said.').at(-1)).toBe(
      'Tor Berge: It has not gone well',
    );
    expect(quotes('According to Varnholm, Mira Lund praised the builders, and she asked the council to pay them. She also said the bridge was safe.').at(-1)).toBe(
      'Mira Lund: the bridge was safe',
    );
  });

  it('THEN someone asking in an adverbial clause ("when X asked") is no speaker a later "he said" continues', () => {
    expect(quotes('“We will see,” Tor Berge said on Monday.', 'Berge did not sound sure when Eskil Varnholm asked whether the port would open.', '“It is hard to say,” he said.').at(-1)).toBe(
      'Tor Berge: It is hard to say',
    );
  });

  it('THEN a capitalised word before a lower-case role ("the Brenwick governor") is a place, no person "he" or "she" may mean', () => {
    expect(quotes('Former Brenwick governor Eskil Lund visited the port on Monday.', '“It will work,” she said.')).toEqual(['Eskil Lund: It will work']);
    expect(quotes('The Brenwick mayor Eskil Lund and his staff visited the port. “It will work,” he said.')).toEqual(['Eskil Lund: It will work']);
  });

  it('THEN a lone first name set off after a person noun ("his wife, Mira,") is a person of that noun\'s gender', () => {
    expect(quotes('Tor Berge spoke first.', 'His wife, Mira, is due to speak on Monday. She has spoken only a few times. At a rally in May, she described him as “kind.”')).toEqual([
      'Mira: him as “kind.”',
    ]);
  });

  it('THEN "who" after an act of someone ("a sharp reply from X, who said") is that someone, and a place after "from" is no speaker', () => {
    expect(quotes('The plan drew a sharp reply from former Sen. Mira Lund, who said the port was too small.')).toEqual(['Mira Lund: the port was too small']);
    expect(quotes('The vote won the backing of Tor Berge, who told reporters the plan was fair.')).toEqual(['Tor Berge: the plan was fair']);
    expect(quotes('“We came early,” said Tor Berge, 41, from Halden, who said the queue was long.')).toEqual(['Tor Berge: We came early', 'Tor Berge: the queue was long']);
  });

  it('THEN the object closing a relative clause before the verb ("Voters who backed the plan warned") is not the speaker: the phrase "who" stands for is', () => {
    expect(quotes('Dock workers who backed the port plan last year warned that fees would rise.')).toEqual(['Dock workers (described): fees would rise']);
    expect(quotes('Tor Berge and others who oppose the new bridge argued that it was too costly.')).toEqual(['Tor Berge and others (described): it was too costly']);
  });

  it('THEN capitalised words between an article and a common noun ("a Brenwick Rowers lodge", "a Halden Ravens dinner") qualify a thing, no person "he" can mean', () => {
    expect(quotes('Across the harbour, at a Halden Ravens dinner, the main guest was Tor Berge, a builder. “The bridge is too costly,” he said.')).toEqual([
      'Tor Berge: The bridge is too costly',
    ]);
    expect(quotes('Tor Berge spoke last. In May, in a speech at a Brenwick Rowers lodge just before the vote, he said the bridge was too costly.')).toEqual([
      'Tor Berge: the bridge was too costly',
    ]);
  });

  it('THEN a full name close in spelling to someone known by one name only ("Tor Lindqvist" after "Lindquist") is someone else', () => {
    expect(quotes('Bishop Lindquist spoke first.', '“It is a bad plan,” Tor Lindqvist, a columnist, wrote on Friday.', 'Mr. Lindqvist added: “It will fail.”')).toEqual([
      'Tor Lindqvist: It is a bad plan',
      'Tor Lindqvist: It will fail.',
    ]);
  });

  it('THEN a name that is an object (of a preposition before it, of a participle in the phrase) gives way to the name set off after it', () => {
    expect(quotes('Alarmed by the unrest in Halden, Sen. Mira Lund, the party leader, said that the vote must go on.')).toEqual(['Mira Lund: the vote must go on']);
    expect(quotes('Tor Berge won the vote.', 'One pastor backing Mr. Berge, Eskil Varnholm of the Ostby Chapel, said that he had visited every church.')).toEqual([
      'Eskil Varnholm: he had visited every church',
    ]);
  });

  it('THEN a lone surname shared by two people is the one the article keeps naming, not a relative named once in passing', () => {
    expect(quotes('Tor Berge, the mayor, opened the bridge on Monday. Berge has pushed for it for years.', 'Among the guests was his aunt Mira Berge.', '“It took ten years,” Berge said.')).toEqual([
      'Tor Berge: It took ten years',
    ]);
  });

  it('THEN "the senator" is the person last given that title', () => {
    expect(quotes('Sen. Mira Lund visited the port.', 'The senator said the port needed money.')).toEqual(['Mira Lund: the port needed money']);
  });

  it('THEN "the editorial board" is the body whose name those words followed earlier ("the Halden Post editorial board")', () => {
    expect(quotes('The Halden Post editorial board published a long piece on Monday.', 'The port is too small, the editorial board writes.')).toEqual([
      'Halden Post editorial board: The port is too small',
    ]);
  });

  it('THEN unnamed and group sources are described speakers, and a spokesman speaks for the body named', () => {
    expect(quotes('Officials said the port would reopen.')).toEqual(['Officials (described): the port would reopen']);
    expect(quotes('A spokeswoman for the Lindhaven Port Authority said fees would rise.')).toEqual(['Lindhaven Port Authority: fees would rise']);
  });

  it('THEN a count, result or study speaks for the named body that made it, however deep in the phrase', () => {
    expect(quotes('According to early results of a survey conducted by Lindhaven Research for the Brenwick Post, most voters were undecided.')).toEqual([
      'Lindhaven Research: most voters were undecided',
    ]);
    expect(quotes('According to calculations by Mira Lund of the Brenwick Institute, rents rose by a third.')).toEqual(['Mira Lund: rents rose by a third']);
    // With no maker after "by", the body it was made for.
    expect(quotes('According to early results of a poll conducted for the Brenwick Post and two radio stations, most voters were undecided.')).toEqual([
      'Brenwick Post: most voters were undecided',
    ]);
    // A newspaper's own count speaks for it, and so does the newspaper it is "according to": readers ask what it said.
    expect(quotes('According to a count by the Brenwick Post, the mayor now leads the race.', 'According to the Brenwick Post, the mayor lost.')).toEqual([
      'Brenwick Post: the mayor now leads the race',
      'Brenwick Post: the mayor lost',
    ]);
    // A wire report credits its agency in the first paragraph: "according to" it then is the article's own voice, and
    // someone's statement it relays stays that person's.
    expect(quotes('The mayor lost the vote, according to the Brenwick Post.', 'Also according to the Brenwick Post, the harbour will close.')).toEqual([]);
    expect(quotes('The port reopened on Monday.', 'According to the Brenwick Post, Mira Lund said the port was safe.')).toEqual(['Mira Lund: the port was safe']);
  });

  it('THEN names keep their initials and suffixes, and lose titles, datelines and sentence openers', () => {
    expect(quotes('OSLO — Mira J. Lund Jr. said the port was safe.')).toEqual(['Mira J. Lund Jr.: the port was safe']);
    expect(quotes('Neither Tor Berge nor his staff spoke. Former Senior Adviser Tor Berge said later that the port was safe.')).toEqual(['Tor Berge: the port was safe']);
    // A quoted nickname between the names is part of the name, and no part of it as written.
    expect(quotes('Marchers walked in silence.', 'Juan “Chico” Lund of Oslo carried one of the photos. “I cried the whole way,” he said.')).toEqual(['Juan Lund: I cried the whole way']);
    // A title joined by "of" stays one title after the body's name.
    expect(quotes('White House Chief of Staff Tor Berge said the plan was safe.')).toEqual(['Tor Berge: the plan was safe']);
    // …and with the body's article ("Speaker of the House").
    expect(quotes('On Tuesday, Speaker of the House Rep. Tor Berge (R-Ost.) said “the plan is dead.”')).toEqual(['Tor Berge: the plan is dead.']);
  });
});

describe('GIVEN a name run (names)', () => {
  /** The name runs of a one-sentence body, as kind:name [title]. */
  const runsOf = (sentence: string): string[] => {
    const doc = readDocument(article(sentence));
    const first = doc.sentences[0];
    if (!first) throw new Error('no sentence');
    return nameRuns(doc, first.first, first.last).map((r) => `${r.kind}:${r.name}${r.title ? ` [${r.title}]` : ''}`);
  };

  it('THEN titles are set apart and a person is told from an organisation', () => {
    expect(runsOf('Secretary of State Mira Lund met the Lindhaven Port Authority and Tor Holtz-Berge.')).toEqual([
      'person:Mira Lund [Secretary of State]',
      'organisation:Lindhaven Port Authority',
      'person:Tor Holtz-Berge',
    ]);
  });

  it('THEN a name heading its own phrase after "the" is a place or a body, never the person a later "he" means', () => {
    expect(runsOf('Officers of the Halden Special Harbour Command met.')).toEqual(['organisation:Halden Special Harbour Command']);
    expect(runsOf('Tor Berge spoke on Monday, Ostby Harbour Watch first reported.')).toEqual(['person:Tor Berge', 'organisation:Ostby Harbour Watch']);
    expect(runsOf('At dawn boats crossed the Halden Narrows past the Ostby Lantern, not the Ostby plan.')).toEqual(['organisation:Halden Narrows', 'organisation:Ostby Lantern', 'person:Ostby']);
    expect(quotes('Tor Berge spoke to reporters at the harbour.', 'By noon a storm had closed the Halden Narrows. “We will reopen it soon,” he said.')).toEqual(['Tor Berge: We will reopen it soon']);
  });

  it('THEN what follows the "of" of a title ("the Attorney General of Halden") is the office\'s place, not a person', () => {
    expect(runsOf('Tor Berge thanked the Attorney General of Halden and the Governor of Port Ostby.')).toEqual(['person:Tor Berge', 'organisation:Halden', 'organisation:Port Ostby']);
    expect(quotes('Tor Berge thanked the Attorney General of Halden at the meeting.', '“We are ready,” he said.')).toEqual(['Tor Berge: We are ready']);
  });

  it('THEN a sentence of capitalised words alone ("HARBOUR PLAN BELOW.") is a heading, not a person a later "he" can mean', () => {
    const doc = readDocument(article('Tor Berge spoke at the harbour.', 'HARBOUR PLAN BELOW.', 'TOR BERGE: We open soon.'));
    expect(doc.sentences.map((s) => nameRuns(doc, s.first, s.last).map((r) => r.name))).toEqual([['Tor Berge'], [], ['TOR BERGE']]);
    expect(quotes('Tor Berge spoke to reporters at the harbour.', 'HARBOUR PLAN BELOW.', '“We will reopen the line soon,” he said.')).toEqual(['Tor Berge: We will reopen the line soon']);
  });

  it('THEN a live blog\'s clock written against a name ("10:57PMMira Lund") is no part of the name', () => {
    expect(quotes('10:57PMMira Lund: “We will win the count.”')).toEqual(['Mira Lund: We will win the count.']);
    expect(quotes('11:02AMTor Berge tweeted: “It is over.”')).toEqual(['Tor Berge: It is over.']);
  });
});

describe('GIVEN a statement whose parts repeat or overlap (stage 6, the data records)', () => {
  const text = '“We will reopen the line,” she said, “and soon.” Nothing else was said.';
  const speaker: Entity = { id: 'mira-lund', name: 'Mira Lund', kind: 'person', named: true, role: null, organisation: null, aliases: new Set(), descriptions: new Set(), roleNouns: new Set(), gender: 'f', nameGender: null, media: false, plural: false };
  const first = { start: 1, end: 25 };
  const second = { start: 37, end: 46 };

  it('THEN each stretch is one part, in text order, as the loader requires (each after the one before)', () => {
    const [quote] = buildQuotes(text, [{ speaker, kind: 'direct', parts: [first, second, { ...second }, { start: 1, end: 10 }], paragraph: 1 }], [[]]);
    expect(quote?.parts).toEqual([first, second]);
    expect(quote?.text).toBe(text.slice(first.start, second.end));
  });

  it('THEN a part found twice and nothing else is no split at all', () => {
    const [quote] = buildQuotes(text, [{ speaker, kind: 'direct', parts: [first, { ...first }], paragraph: 1 }], [[]]);
    expect(quote?.parts).toBeUndefined();
    expect(quote?.text).toBe('We will reopen the line,');
  });
});
