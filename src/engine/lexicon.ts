/**
 * General English the engine needs to read questions and evidence: chat filler, the words a question
 * asks for a statement with, and the words that mark a time, an amount, a place or a reason (function
 * words, stems and speech verbs are the shared ones of src/text). Nothing here comes
 * from an article: an article's own vocabulary (names, aliases, roles, topics) is read from its data.
 */

import { inflections } from '../text/speech-verbs.js';

const set = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter(Boolean));

/** Greetings, chat filler and asides around a question ("yo", "lol", "quick question", "i was wondering"). */
export const FILLER = set(`
  yo hey hi hello ok okay um uh umm uhh hmm well oh lol lmao haha hahaha thx thanks thank ty please pls plz bro mate dude guys
  quick question wondering wonder curious reading read sorry actually basically really exactly just like
  know tell let show give find mean want wants wanted
`);

/** Verbs a question asks for a statement with ("what did X say", "did X comment", "what does X think"). */
const STATEMENT_VERBS = 'say tell state claim mention comment remark note add stress argue explain announce report respond reply speak talk think believe feel insist suggest quote discuss address point';

/** Verbs and nouns of speech: they say that a statement is asked for, not what about. */
export const SPEECH_WORDS: ReadonlySet<string> = new Set([
  ...STATEMENT_VERBS.split(' ').flatMap(inflections),
  ...'statement statements remarks words word view views position stance opinion opinions take thoughts message'.split(' '),
]);

/** Nouns for what someone said: they close a speaker's name only after a possessive ("[Okoye]'s take on …"). */
export const SPEECH_NOUNS = set('take view views position stance opinion opinions thoughts message words word statement statements quote quotes comments remarks response reaction');

/** Verbs a question uses for an event without naming it ("where will it be held", "when does it happen"). */
export const EVENT_VERBS = set('held hold holds holding happen happens happened happening occur occurs occurred take takes took taking place go goes going come comes coming get gets got do');

/** Nouns for any person at all: "the guy from the ministry", "which official said …". */
export const ANYONE = set('guy guys man woman person lady bloke dude one official people someone somebody fellow');

/** Auxiliaries that open a yes/no question or sit before the subject of "what did X say". */
export const AUXILIARIES = set('do does did has have had is are was were will would can could should may might shall');

/** Words that refer to the article itself rather than to anything in it. */
export const ARTICLE_WORDS = set('article story piece text report news item this it');

/** Wh-words: what a question asks for. */
export const WH_WORDS = set('who whom whose what which when where why how');

/** Honorifics and courtesy titles: never enough on their own to name someone. */
export const HONORIFICS = set('mr mrs ms miss dr mister madam sir dame lord lady prof');

export const MONTHS = set(`january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec`);
export const WEEKDAYS = set('monday tuesday wednesday thursday friday saturday sunday');

/** Times written out: dates, days, clock times, "next week", "in the next 48 hours", "until the end of June", years. */
export const TIME_EXPRESSION = new RegExp(
  [
    String.raw`\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b(?:\s+\d{1,2}(?:st|nd|rd|th)?)?`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:january|february|march|april|june|july|august|september|october|november|december)\b`,
    String.raw`\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.\s*\d{1,2}\b`,
    String.raw`\b(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b`,
    String.raw`\b(?:today|tonight|yesterday|tomorrow|overnight)\b`,
    String.raw`\b(?:this|next|last|coming|previous|past)\s+(?:few\s+)?(?:\d+\s+)?(?:morning|afternoon|evening|night|week|weekend|month|year|summer|winter|spring|autumn|fall|season|decade|century|days|weeks|months|years|hours)\b`,
    String.raw`\b(?:in|within|for|over|after|during)\s+(?:the\s+)?(?:next|last|coming|past|first)?\s*(?:few|several|\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty)\s+(?:minutes|hours|days|weeks|months|years|decades)\b`,
    String.raw`\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+(?:minutes|hours|days|weeks|months|years|decades)\s+(?:ago|later|earlier|before|after)\b`,
    String.raw`\b(?:by|until|till|before|after|since|from)\s+(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+(?:the\s+)?\w+`,
    String.raw`\b(?:in|since|by|until|from|before|after)\s+(?:early\s+|late\s+)?(?:1[89]|20)\d\d\b`,
    String.raw`\b(?:1[89]|20)\d\d\b`,
    String.raw`\b\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)\b`,
    String.raw`\b(?:in|at|by)\s+(?:the\s+)?(?:morning|afternoon|evening|night|weekend)\b`,
    String.raw`\b(?:spring|summer|autumn|winter)\b`,
  ].join('|'),
  'giu',
);

/** Amounts: money, percentages, numbers with their scale ("£14.5 million", "78 percent", "3,200", "forty"); the word counted follows (see evidence). */
export const AMOUNT_EXPRESSION = new RegExp(
  [
    String.raw`[$£€¥]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|thousand|bn|m|k)\b)?`,
    String.raw`\b\d[\d,.]*\s?(?:%|percent\b|per cent\b|percentage points?\b)`,
    String.raw`\b\d[\d,.]*(?:\s?(?:million|billion|trillion|thousand|hundred)\b)?`,
    String.raw`\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)\b`,
  ].join('|'),
  'giu',
);

/** Words that give a cause or a purpose in a sentence. */
export const REASON_EXPRESSION = /\b(?:because|due to|owing to|since|as a result|so that|so|in order to|therefore|thus|hence|reason|reasons|cause|caused|causes|blame|blamed|obstacles?|why|after|given that|led to|resulted? in)\b/iu;

/** Words that say a sentence denies or rules something out ("cannot", "impossible", "ban", "refused"). */
export const NEGATIVE_EXPRESSION = /\b(?:not|no|never|cannot|cant|wont|dont|doesnt|didnt|isnt|arent|wasnt|werent|couldnt|wouldnt|shouldnt|unable|impossib\w*|ban\w*|refus\w*|reject\w*|prevent\w*|block\w*|forbid\w*|prohibit\w*|without)\b|n['\u2019]t\b/iu;

/** Prepositions before a place name ("in Harbourton", "at the town hall"). */
export const PLACE_PREPOSITIONS = set('in at from near to into outside inside across around');

/** Nouns that ask for a place. */
export const PLACE_NOUNS = set('place places location locations country countries city cities town towns where site sites region state states area capital');

/** Nouns that ask for a time. */
export const TIME_NOUNS = set('date dates day days time times month months year years deadline week weeks hour hours');

/** Nouns that ask for a quantity. */
export const AMOUNT_NOUNS = set('amount amounts cost costs price prices number figure figures total percentage percent share sum much many');

/** Nouns that ask for a reason. */
export const REASON_NOUNS = set('reason reasons cause causes why explanation motive purpose');

/** Words that introduce what a statement is about ("about", "on", "regarding"). */
export const ABOUT_WORDS = set('about abt on regarding concerning re over towards toward');

/**
 * Well-known abbreviations of titles and bodies, and the words they stand for (general English, as
 * in a dictionary): "the CEO" is asked for when an article writes "chief executive".
 */
export const TITLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['ceo', 'chief executive'],
  ['cfo', 'chief financial'],
  ['coo', 'chief operating'],
  ['cto', 'chief technology'],
  ['vp', 'vice president'],
  ['pm', 'prime minister'],
  ['mp', 'member parliament'],
  ['ag', 'attorney general'],
  ['gm', 'general manager'],
  ['md', 'managing director'],
  ['pr', 'public relations'],
  ['rep', 'representative'],
  ['sen', 'senator'],
  ['sec', 'secretary'],
  ['gov', 'governor'],
]);

/**
 * Words that stand before a surname as a title or a description rather than a given name ("President Vell",
 * "Former Gov. Vell", "Army Capt. Vell"), written out and abbreviated: general English, no one's name.
 */
export const TITLE_WORDS = set(`
  president pres vice former then late acting interim deputy senior junior elder
  senator sen governor gov representative rep congressman congresswoman congressmember assemblyman assemblywoman
  secretary sec minister chancellor ambassador consul attorney general gen lt lieutenant
  admiral adm captain capt colonel col major maj sergeant sgt corporal cpl private pvt commander cmdr marshal
  mayor councilman councilwoman alderman sheriff judge justice magistrate commissioner chief director
  speaker leader chairman chairwoman chair whip delegate candidate nominee hopeful challenger incumbent
  reverend rev father pastor bishop cardinal rabbi imam pope sister brother
  king queen prince princess duke duchess emperor sultan sheikh president-elect
  professor doctor officer detective agent inspector superintendent coach dean
  first lady gentleman husband wife son daughter mother uncle aunt cousin
  republican democrat democratic gop independent liberal conservative
  army navy marine marines air force police state house senate federal national
`);

/** Chat idioms that ask to be told about something ("what's the deal with X", "what about X"): read as "tell me about X". */
export const TELL_ME_ABOUT_IDIOM = /^(?:so\s+|and\s+|ok\s+)?(?:what(?:'s|s| is)\s+(?:the\s+)?(?:deal|story|situation|latest|news|word|up|going on)\s+(?:with|on|about|regarding)|what\s+about|how\s+about|anything\s+(?:on|about))\s+/iu;

/** Words for "something" or "anything": they ask, they name nothing. */
export const INDEFINITES = set('anything something nothing everything stuff thing things whatever');
