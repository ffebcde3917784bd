import type { QuestionIntent } from './answer-types.js';
import { foldText, words } from './text.js';

/** A question as the engine understood it: what is asked, and about whom or what. */
export interface ParsedQuestion {
  intent: QuestionIntent;
  /** The person or description the question is about ("zakharova", "the white house press secretary"). */
  subject: string;
  /** What the question narrows to ("about the decree"), or the searched phrase. */
  about: string;
  /** Text the asker put in quotation marks, folded. */
  quoted: string;
  /** The question folded to plain lower-case words. */
  plain: string;
}

const SAY_VERBS =
  'say|said|says|saying|tell|told|state|stated|states|mention|mentioned|mentions|think|thinks|thought|claim|claimed|claims|' +
  'note|noted|notes|stress|stressed|point out|pointed out|add|added|argue|argued|comment|commented|announce|announced|' +
  'explain|explained|report|reported|have to say|had to say|has to say|talk about|talked about|speak about|spoke about|' +
  'speak on|spoke on|think about|believe|believes|warn|warned|confirm|confirmed';
const ABOUT = '(?:about|on|regarding|concerning|of|re|in relation to|with regard to|with respect to)';
const SPEAK_VERBS =
  'spoke|speak|speaks|talked|talk|talks|mentioned|mention|mentions|commented|comment|comments|discussed|discuss|discusses|' +
  'addressed|address|raised|brought up|referred|refers|said anything|say anything|said something|says something|say something|' +
  'was talking|is talking|were talking|weighed in|had something to say|has something to say|had anything to say|spoke out|talked of|said';

interface Rule {
  intent: QuestionIntent;
  pattern: RegExp;
  /** Which capture groups hold the subject and the "about" part. */
  subject?: number;
  about?: number;
}

/** Ordered: the first rule whose pattern matches the plain question decides its intent. */
const RULES: Rule[] = [
  { intent: 'list-topics', pattern: /^(?:what|which|list|show|name)(?: me)?(?: are| were| is)?(?: the| all)?(?: main| key| different)? (?:topics|subjects|themes)\b/ },
  { intent: 'list-topics', pattern: /^(?:what|which) (?:topics|subjects|themes|things|issues) (?:does|did|do|are|is)\b.*\b(?:cover|covered|discuss|discussed|about)/ },
  { intent: 'list-topics', pattern: /^(?:topics|subjects|themes)$/ },
  { intent: 'list-speakers', pattern: /^(?:who|which people|which persons|which officials)(?: all| else)? (?:is|are|was|were|gets|got|has been|have been|get) (?:quoted|cited|speaking|featured|interviewed|the speakers|the sources|quoted in)\b/ },
  { intent: 'list-speakers', pattern: /^(?:list|show|name|give|tell)(?: me)?(?: all| every| each)?(?: of)?(?: the)? (?:people|speakers|persons|officials|sources|speaker|everyone|everybody|names|quoted)\b/ },
  { intent: 'list-speakers', pattern: /\b(?:everyone|everybody|all the people|all people|all speakers|all the speakers|every person|every speaker|who all) (?:who )?(?:quoted|spoke|speaking|cited|is quoted|was quoted|that spoke|in the article)\b/ },
  { intent: 'list-speakers', pattern: /^(?:who|which people|anyone)(?: else)? (?:spoke|speaks|talked|talks|commented|comments|is quoted|was quoted|says something|said anything|said something)(?: in (?:the|this) (?:article|story|piece))?$/ },
  { intent: 'list-speakers', pattern: /^(?:speakers|quoted people|people quoted|who s quoted|whos quoted|quotes|all quotes|who is who)$/ },
  { intent: 'list-speakers', pattern: /^how many (?:people|speakers|persons|officials|sources|quotes)\b/ },
  { intent: 'article-source', pattern: /\b(?:source|sources|news agency|which agency|what agency|which outlet|what outlet|publication|publisher)\b/ },
  { intent: 'article-source', pattern: /^(?:where|who) (?:is|does|did|was|do) (?:(?:this|that|the|it) )?(?:(?:article|story|news|report|piece|info|information) )?(?:comes? |originate )?from\b/ },
  { intent: 'article-source', pattern: /^who (?:reported|published|wrote|broke|reports) (?:this|it|the story|the article|the news|this story|this article)\b/ },
  { intent: 'article-about', pattern: /^(?:what|whats|what s) (?:is |was |s )?(?:this|the|it|that)? ?(?:article|story|piece|news|text|report)? ?about$/ },
  { intent: 'article-about', pattern: /^(?:what|whats) (?:is|was) (?:this|the) (?:article|story|piece|report|news) (?:about|on)\b/ },
  { intent: 'article-about', pattern: /\b(?:summary|summarize|summarise|summarize it|tldr|tl dr|gist|overview|headline|main point|main points|key points|in a nutshell)\b/ },
  { intent: 'article-about', pattern: /^(?:what happened|what is going on|whats going on|what s going on|what is the news|whats the news)$/ },
  { intent: 'article-about', pattern: /^(?:what is the title|whats the title|title)$/ },
  { intent: 'who-spoke-about', pattern: new RegExp(`^who (?:said|says|wrote|stated|talked|spoke) (?:anything|something|stuff|things) ${ABOUT} (.+)$`), about: 1 },
  { intent: 'who-spoke-about', pattern: /^(?:what|whats|what s) (?:is |s )?(?:the )?(?:deal|story|situation|news|latest|word) (?:with|on|about|regarding) (.+)$/, about: 1 },
  { intent: 'who-said', pattern: /^(?:who|which person|which official) (?:said|says|wrote|stated|claimed|claims|told reporters|told|made the statement|is quoted saying|was quoted saying|is quoted as saying|was quoted as saying|made the remark|made the comment|said the words)\b(?: that)? ?(.*)$/, about: 1 },
  { intent: 'who-spoke-about', pattern: new RegExp(`^(?:who|which (?:people|person|officials?|speakers?|diplomats?|politicians?|leaders?)|anyone|did anyone|has anyone|does anyone|is there anyone|did somebody|did someone)(?: else| all| also| actually)? (?:${SPEAK_VERBS})\\b ?(?:${ABOUT}\\b)? ?(.*)$`), about: 1 },
  { intent: 'who-is', pattern: /^(?:who|whos|who s) (?:is|was|are|were|s) (.+)$/, subject: 1 },
  { intent: 'who-is', pattern: /^(?:what|whats|what s) (?:is |was |are |s )?(?:the )?(.+?) (?:role|job|position|title|function|occupation|post)$/, subject: 1 },
  { intent: 'who-is', pattern: /^(?:what|which) (?:role|job|position|title|post) (?:does|did|do|has|is|was) (.+?)(?: have| hold| play| do| had| held)?$/, subject: 1 },
  { intent: 'who-is', pattern: /^(?:what does|what did) (.+?) do(?: for a living| exactly)?$/, subject: 1 },
  { intent: 'who-is', pattern: /^(?:tell me about|info on|information about|information on|describe|background on) (.+)$/, subject: 1 },
  { intent: 'who-is', pattern: /^(.+?) (?:role|job|position|title)$/, subject: 1 },
  { intent: 'what-did-say', pattern: new RegExp(`^(?:so )?(?:what|wat|wht|wut)\\s+(?:did|does|do|has|had|was|is|were|have)\\s+(.+?)\\s+(?:${SAY_VERBS})\\b\\s*(?:${ABOUT}\\b)?\\s*(.*)$`), subject: 1, about: 2 },
  { intent: 'what-did-say', pattern: new RegExp(`^(?:did|does|has|have|was)\\s+(.+?)\\s+(?:${SAY_VERBS}|talk|speak|comment)\\w*\\s*(?:anything|something)?\\s*(?:${ABOUT}\\b)?\\s*(.*)$`), subject: 1, about: 2 },
  { intent: 'what-did-say', pattern: new RegExp(`^(?:what|how)\\s+(?:is|was|are|were)\\s+(.+?)\\s+(?:position|view|views|stance|opinion|take|statement|statements|quote|quotes|comment|comments|words|argument|message)\\s*(?:${ABOUT}\\b)?\\s*(.*)$`), subject: 1, about: 2 },
  { intent: 'what-did-say', pattern: new RegExp(`^(?:(?:show|give|list|get|find)\\s+(?:me\\s+)?(?:all\\s+)?(?:the\\s+)?)?(?:quotes?|statements?|comments?|words|remarks?)\\s+(?:from|by|of)\\s+(.+?)(?:\\s+${ABOUT}\\s+(.+))?$`), subject: 1, about: 2 },
  { intent: 'what-did-say', pattern: new RegExp(`^(?:what|how)\\s+(.+?)\\s+(?:said|says|thinks|stated|told reporters|told|feels|thought)\\s*(?:${ABOUT}\\b)?\\s*(.*)$`), subject: 1, about: 2 },
  { intent: 'what-did-say', pattern: /^(.+?)\s+(?:quotes?|statements?|said|says|comments?|remarks?)$/, subject: 1 },
  { intent: 'when', pattern: /^(?:when|by when|since when|until when)\b/ },
  { intent: 'when', pattern: /\b(?:what|which) (?:date|day|time|month|year)\b|\bon what date\b|^how (?:soon|long)\b|\bwhat date\b/ },
  { intent: 'where', pattern: /^(?:where|in which|in what)\b/ },
  { intent: 'where', pattern: /\b(?:which|what) (?:country|countries|city|cities|place|places|venue|venues|location|locations)\b/ },
  { intent: 'why', pattern: /^(?:why|how come)\b/ },
  { intent: 'why', pattern: /\b(?:reason|reasons|obstacle|obstacles|barrier|barriers|what is stopping|what s stopping|whats stopping|what is preventing|what prevents|what stops|what blocks|what is blocking)\b/ },
];

/** A chat mention of the bot at the start: Discord's "<@123>" or a typed "@ArticleBot". */
const MENTION = /^\s*(?:<@[!&]?\d+>|@[\p{L}\p{N}_.-]+)[\s,:]*/u;
/** Greetings and fillers around a question ("yo …", "ok so …", "… lol", "… thx"), in plain words. */
const LEADING_FILLER = /^(?:(?:yo|hey|hi|hello|ok|okay|so|um+|uh+|well|oh|hmm+|lol|pls|plz|please|quick question)(?:\s+|$))+/;
const TRAILING_FILLER = /(?:(?:^|\s+)(?:lol|lmao|haha+|thx|thanks|thank you|ty|pls|plz|please|bro|mate))+$/;

/** The question's words without a leading mention and without chatter that asks nothing. */
function plainWords(question: string): string {
  return words(question.replace(MENTION, '')).join(' ').replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '');
}

export function parseQuestion(question: string): ParsedQuestion {
  const folded = foldText(question);
  const quoted = /"([^"]{3,})"/.exec(folded)?.[1] ?? /(?:^|\s)'([^']{3,})'(?:\s|$|[?.!])/.exec(folded)?.[1] ?? '';
  const plain = plainWords(question);
  if (plain === '') return { intent: 'empty', subject: '', about: '', quoted, plain };
  for (const rule of RULES) {
    const match = rule.pattern.exec(plain);
    if (!match) continue;
    return {
      intent: rule.intent,
      subject: rule.subject ? (match[rule.subject] ?? '').trim() : '',
      about: rule.about ? (match[rule.about] ?? '').trim() : '',
      quoted,
      plain,
    };
  }
  return { intent: 'passage-search', subject: '', about: plain, quoted, plain };
}
