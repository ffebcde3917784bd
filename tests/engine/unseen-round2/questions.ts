/**
 * The second round of the held-out suite: five news-style articles written for it
 * (tests/engine/unseen-round2/*.txt) and the questions below, typed the way people type in chat.
 * Articles and questions were written and committed before the engine was ever run on them; they
 * are ingested by the project's own extractor, so a miss can be the ingestion's or the engine's.
 * Never tune the engine or these questions to them: the first-run score is the honest estimate.
 */

/** How a question is written or what it asks for, to count the suite by style. */
export type RoundTwoStyle =
  | 'typo'
  | 'filler'
  | 'buried'
  | 'description'
  | 'talked-about'
  | 'when'
  | 'how-much'
  | 'why'
  | 'list'
  | 'overview'
  | 'not-quoted'
  | 'out-of-scope'
  | 'plain';

export interface RoundTwoCase {
  article: string;
  question: string;
  style: readonly RoundTwoStyle[];
  /** Whether the article answers it (false: the engine must decline). */
  found: boolean;
  /**
   * A statement in the first three items must be by a speaker whose name contains this; with
   * `quoteIncludes`, that same statement must contain one of its phrases.
   */
  speaker?: string;
  /** One of these phrases (case-insensitive) must be in the quote of an item of the first three. */
  quoteIncludes?: readonly string[];
  /** The summary must contain this (case-insensitive). */
  summaryIncludes?: string;
}

const found = true;
const declined = false;

export const roundTwoSuite: readonly RoundTwoCase[] = [
  // ── harbour-fraud ──
  { article: 'harbour-fraud', question: 'what did the judge tell him', style: ['description'], found, speaker: 'Oduya', quoteIncludes: ['betrayed the trust', 'almost inevitable'] },
  { article: 'harbour-fraud', question: 'wat did the prosecuter say', style: ['typo', 'description'], found, speaker: 'Rheinberg', quoteIncludes: ['six years', 'two sets of books', 'The rest were his'] },
  { article: 'harbour-fraud', question: 'did his wife get done for it too?', style: ['talked-about', 'filler'], found, quoteIncludes: ['cleared'] },
  { article: 'harbour-fraud', question: 'what did ruth ashdown say', style: ['plain'], found, speaker: 'Ruth Ashdown', quoteIncludes: ['trusted him', 'heartbroken', 'never asked'] },
  { article: 'harbour-fraud', question: 'what did colin ashdown say', style: ['not-quoted'], found: declined },
  { article: 'harbour-fraud', question: 'when is he getting sentenced', style: ['when', 'talked-about'], found, quoteIncludes: ['14 January'] },
  { article: 'harbour-fraud', question: 'how much money did the harbour master take??', style: ['how-much', 'description', 'talked-about'], found, quoteIncludes: ['380,000'] },
  { article: 'harbour-fraud', question: 'how much has the council spent on lawyers so far', style: ['how-much'], found, quoteIncludes: ['95,000'] },
  { article: 'harbour-fraud', question: 'ok so i keep a boat at calderport too lol, is anyone saying whether we get our money back', style: ['buried', 'filler'], found, speaker: 'Fallon', quoteIncludes: ['penny'] },
  { article: 'harbour-fraud', question: 'what did the boat owners guy say', style: ['description'], found, speaker: 'Fallon', quoteIncludes: ['money is gone', 'penny', 'never once'] },
  { article: 'harbour-fraud', question: 'what did the council boss say', style: ['description'], found, speaker: 'Brennan', quoteIncludes: ['hard lessons', 'card or bank transfer', 'independent review'] },
  { article: 'harbour-fraud', question: 'what did his lawyer argue', style: ['description'], found, speaker: 'Lloyd-Pearce', quoteIncludes: ['wicked man', 'terrible choices', 'pontoons'] },
  { article: 'harbour-fraud', question: 'who said the pontoons would have sunk', style: ['plain'], found, speaker: 'Lloyd-Pearce', quoteIncludes: ['otherwise have sunk'] },
  { article: 'harbour-fraud', question: 'how did they even find out about the fraud', style: ['filler'], found, speaker: 'Rheinberg', quoteIncludes: ['finance officer'] },
  { article: 'harbour-fraud', question: 'what did the woman with the fishing boat say', style: ['description'], found, speaker: 'Marsh', quoteIncludes: ['on the quay'] },
  { article: 'harbour-fraud', question: 'why did everyone pay in cash', style: ['why'], found, speaker: 'Fallon', quoteIncludes: ['never once'] },
  { article: 'harbour-fraud', question: 'what did the cops find out about where the money went', style: ['description', 'buried'], found, quoteIncludes: ['holidays'] },
  { article: 'harbour-fraud', question: 'who said ashdown betrayed the whole town', style: ['talked-about'], found, speaker: 'Oduya', quoteIncludes: ['betrayed the trust'] },
  { article: 'harbour-fraud', question: 'what did the mayor of calderport say', style: ['out-of-scope'], found: declined },

  // ── bakery-takeover ──
  { article: 'bakery-takeover', question: 'how much is brightmore paying for hollins', style: ['how-much', 'typo'], found, quoteIncludes: ['48 million'] },
  { article: 'bakery-takeover', question: 'what did the ceo say', style: ['description'], found, speaker: 'Varga', quoteIncludes: ['trusted for ninety years', 'investment', '12 million', 'pasties'] },
  { article: 'bakery-takeover', question: 'what did the union guy say', style: ['description'], found, speaker: 'Morrow', quoteIncludes: ['in writing', 'count the factories', 'no intention of changing'] },
  { article: 'bakery-takeover', question: 'is the ashby moor bakery gonna close', style: ['filler'], found, quoteIncludes: ['Ashby Moor'] },
  { article: 'bakery-takeover', question: 'why is the owner selling up', style: ['why', 'description'], found, speaker: 'Peter Hollin', quoteIncludes: ['none of my children', 'slowly shrink', 'hardest decision'] },
  { article: 'bakery-takeover', question: 'what did peter hollins daughter think about selling', style: ['description', 'typo'], found, speaker: 'Claire Hollin', quoteIncludes: ['made us who we are'] },
  { article: 'bakery-takeover', question: 'who said the price was generous', style: ['plain'], found, speaker: 'Achterberg', quoteIncludes: ['generous'] },
  { article: 'bakery-takeover', question: 'how much profit did hollins make last yr', style: ['how-much', 'typo'], found, speaker: 'Achterberg', quoteIncludes: ['2.1 million'] },
  { article: 'bakery-takeover', question: 'when will the deal go through', style: ['when'], found, quoteIncludes: ['end of March'] },
  { article: 'bakery-takeover', question: 'what did albert hollin say', style: ['not-quoted', 'talked-about'], found: declined },
  { article: 'bakery-takeover', question: 'hey quick q, did anyone working in the shops say how staff took the news', style: ['buried', 'filler', 'description'], found, quoteIncludes: ['Nobody cried'] },
  { article: 'bakery-takeover', question: 'what does the analyst reckon about the ovens', style: ['description', 'filler'], found, speaker: 'Achterberg', quoteIncludes: ['ovens are the problem', 'not for the ovens'] },
  { article: 'bakery-takeover', question: 'will the pasties be sold in brightmore supermarkets?', style: ['plain'], found, speaker: 'Varga', quoteIncludes: ['pasties'] },
  { article: 'bakery-takeover', question: 'how many ppl work at hollins', style: ['how-much', 'typo'], found, quoteIncludes: ['1,900'] },
  { article: 'bakery-takeover', question: 'what did the retired teacher say', style: ['description'], found, speaker: 'Kaye', quoteIncludes: ['custard slices'] },
  { article: 'bakery-takeover', question: 'who is keith morrow', style: ['plain'], found, summaryIncludes: 'organiser' },
  { article: 'bakery-takeover', question: 'who talked about their grandfather', style: ['talked-about'], found, speaker: 'Peter Hollin', quoteIncludes: ['grandfather'] },
  { article: 'bakery-takeover', question: 'can u list everyone quoted', style: ['list', 'typo'], found, summaryIncludes: 'Achterberg' },
  { article: 'bakery-takeover', question: 'what did tesco say about the deal', style: ['out-of-scope'], found: declined },

  // ── glacier-retreat ──
  { article: 'glacier-retreat', question: 'how much did the glacier shrink last year', style: ['how-much'], found, quoteIncludes: ['41 metres', 'Forty-one metres'] },
  { article: 'glacier-retreat', question: 'wat did the glaciologist say', style: ['typo', 'description'], found, speaker: 'Ingrid Solberg', quoteIncludes: ['new normal', 'alarming', 'within ten years', 'every day'] },
  { article: 'glacier-retreat', question: 'what did erik solberg find in the river', style: ['plain'], found, speaker: 'Erik Solberg', quoteIncludes: ['third more water', 'will not come back'] },
  { article: 'glacier-retreat', question: 'is the glacier actually going to split in two??', style: ['filler'], found, speaker: 'Ingrid Solberg', quoteIncludes: ['within ten years'] },
  { article: 'glacier-retreat', question: 'why did it melt so much last year', style: ['why'], found, speaker: 'Ingrid Solberg', quoteIncludes: ['warm autumn'] },
  { article: 'glacier-retreat', question: 'what did the tour guide say', style: ['description'], found, speaker: 'Aas', quoteIncludes: ['onto the ice', 'where the glacier went', 'as long as it is safe', 'starting point'] },
  { article: 'glacier-retreat', question: 'who said people keep asking where the glacier went', style: ['plain'], found, speaker: 'Aas', quoteIncludes: ['where the glacier went'] },
  { article: 'glacier-retreat', question: 'what did the village council leader say about floods', style: ['description'], found, speaker: 'Mo', quoteIncludes: ['next flood'] },
  { article: 'glacier-retreat', question: 'what does astrid mo want from oslo', style: ['plain'], found, speaker: 'Mo', quoteIncludes: ['answer our letters'] },
  { article: 'glacier-retreat', question: 'when are the scientists going back up there', style: ['when', 'description'], found, quoteIncludes: ['April'] },
  { article: 'glacier-retreat', question: 'so like the ministry, did they say anything or nah', style: ['filler', 'description'], found, quoteIncludes: ['new year', 'did not respond'] },
  { article: 'glacier-retreat', question: 'what did the lady who runs the cafe say', style: ['description'], found, speaker: 'Haugen', quoteIncludes: ['Last-chance tourism', 'up by a fifth'] },
  { article: 'glacier-retreat', question: 'how many ppl visit the glacier every year', style: ['how-much', 'typo'], found, quoteIncludes: ['60,000'] },
  { article: 'glacier-retreat', question: 'how many people live under the ice', style: ['how-much'], found, speaker: 'Mo', quoteIncludes: ['400 people'] },
  { article: 'glacier-retreat', question: 'since when have they been measuring it', style: ['when'], found, quoteIncludes: ['1961'] },
  { article: 'glacier-retreat', question: 'who are the people in this article and what do they do', style: ['list', 'overview'], found, summaryIncludes: 'glaciologist' },
  { article: 'glacier-retreat', question: 'what did greta thunberg say about the glacier', style: ['out-of-scope'], found: declined },
  { article: 'glacier-retreat', question: 'how much will the flood barrier cost', style: ['out-of-scope', 'how-much'], found: declined },

  // ── phone-ban ──
  { article: 'phone-ban', question: 'what did the headteacher say', style: ['description'], found, speaker: 'Rachel Denholm', quoteIncludes: ['single best thing', 'Lunchtimes', 'every trick', 'easy part', 'first three weeks'] },
  { article: 'phone-ban', question: 'how much did the pouches cost', style: ['how-much'], found, speaker: 'Rachel Denholm', quoteIncludes: ['18,000'] },
  { article: 'phone-ban', question: 'by how much did detentions go down', style: ['how-much'], found, quoteIncludes: ['1,260', 'almost half'] },
  { article: 'phone-ban', question: 'what did the dad say', style: ['description'], found, speaker: 'Whitlock', quoteIncludes: ['unreachable', 'emergency'] },
  { article: 'phone-ban', question: 'what did mr denholm say', style: ['plain'], found, speaker: 'Simon Denholm', quoteIncludes: ['bone from a dog', 'ask it of them', 'corridors'] },
  { article: 'phone-ban', question: 'what do the kids actually think of the ban lol', style: ['filler', 'description'], found, quoteIncludes: ['everyone hated', 'just normal', 'fine for the teachers'] },
  { article: 'phone-ban', question: 'who said the teachers still have their phones', style: ['plain'], found, speaker: 'Josh', quoteIncludes: ['still have their phones'] },
  { article: 'phone-ban', question: 'what did the education secretary say', style: ['description'], found, speaker: 'Bakewell', quoteIncludes: ['every secondary school'] },
  { article: 'phone-ban', question: 'what did the head teachers union guy say about the cost', style: ['description'], found, speaker: 'Malhotra', quoteIncludes: ['cost money'] },
  { article: 'phone-ban', question: 'when did greyfriars bring the ban in', style: ['when'], found, quoteIncludes: ['last September'] },
  { article: 'phone-ban', question: 'what time do they get their phones back', style: ['when'], found, quoteIncludes: ['3.15pm'] },
  { article: 'phone-ban', question: 'my son starts there next year and honestly what happens if theres an emergency and i need to reach him', style: ['buried', 'typo'], found, quoteIncludes: ['school office', 'What happens in an emergency'] },
  { article: 'phone-ban', question: 'how do pupils try to get round the pouches', style: ['plain'], found, speaker: 'Rachel Denholm', quoteIncludes: ['every trick', 'old phone'] },
  { article: 'phone-ban', question: 'who is quoted in this article', style: ['list', 'overview'], found, summaryIncludes: 'Malhotra' },
  { article: 'phone-ban', question: 'who said something about the parents association paying', style: ['talked-about'], found, speaker: 'Rachel Denholm', quoteIncludes: ['parents\' association'] },
  { article: 'phone-ban', question: 'what did the prime minister say about phones', style: ['out-of-scope'], found: declined },

  // ── bank-outage ──
  { article: 'bank-outage', question: 'how long was the app down for', style: ['when'], found, quoteIncludes: ['nine hours', '4.10pm'] },
  { article: 'bank-outage', question: 'what did the coo say', style: ['description'], found, speaker: 'Feld', quoteIncludes: ['say sorry', 'not an attack', 'refund', 'stable now'] },
  { article: 'bank-outage', question: 'will i get my overdraft charges back??', style: ['filler'], found, speaker: 'Feld', quoteIncludes: ['refund'] },
  { article: 'bank-outage', question: 'how much compensation are they paying people', style: ['how-much'], found, speaker: 'Feld', quoteIncludes: ['£50'] },
  { article: 'bank-outage', question: 'what did the taxi driver say', style: ['description'], found, speaker: 'Tariq Osei', quoteIncludes: ['no way to touch it', 'half a day', 'buy fuel'] },
  { article: 'bank-outage', question: 'what did harriet osei say', style: ['plain'], found, speaker: 'Harriet Osei', quoteIncludes: ['not minutes', 'backup'] },
  { article: 'bank-outage', question: 'who said three outages is a pattern', style: ['plain'], found, speaker: 'Quaye', quoteIncludes: ['pattern'] },
  { article: 'bank-outage', question: 'what did the consumer group woman say about branches closing', style: ['description'], found, speaker: 'Quaye', quoteIncludes: ['always be there'] },
  { article: 'bank-outage', question: 'was it a hack or what', style: ['filler'], found, speaker: 'Feld', quoteIncludes: ['not an attack'] },
  { article: 'bank-outage', question: 'what did the chief executive say', style: ['not-quoted', 'description'], found: declined },
  { article: 'bank-outage', question: 'i was stuck at a petrol station all morning, so why did the update break everything', style: ['buried', 'why'], found, quoteIncludes: ['weekday morning'] },
  { article: 'bank-outage', question: 'what did the regulator say', style: ['description'], found, speaker: 'Financial Conduct Authority', quoteIncludes: ['in contact with the bank'] },
  { article: 'bank-outage', question: 'how much money did the taxi guy lose', style: ['how-much', 'description'], found, speaker: 'Tariq Osei', quoteIncludes: ['£120'] },
  { article: 'bank-outage', question: 'whats this article about', style: ['overview', 'typo'], found, summaryIncludes: 'Northgate' },
  { article: 'bank-outage', question: 'who is writing to lindqvist and why', style: ['talked-about', 'why'], found, speaker: 'Harriet Osei', quoteIncludes: ['backup'] },
  { article: 'bank-outage', question: 'what did elon musk say about the outage', style: ['out-of-scope'], found: declined },
];
