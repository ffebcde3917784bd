/** Word lists the rules rely on. Small and general on purpose: news English, not the fixtures. */

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Finite verbs that introduce reported speech ("X said that …"). Two-word verbs are matched as phrases. */
export const REPORT_VERBS = [
  'said', 'says', 'told', 'tells', 'added', 'adds', 'noted', 'notes', 'stressed', 'stresses', 'pointed out', 'points out',
  'explained', 'explains', 'argued', 'argues', 'warned', 'warns', 'confirmed', 'confirms', 'announced', 'announces',
  'stated', 'states', 'insisted', 'insists', 'claimed', 'claims', 'acknowledged', 'admitted', 'emphasised', 'emphasized',
  'predicted', 'conceded', 'revealed', 'maintained', 'replied', 'wrote', 'writes',
  // Present-tense forms and verbs of conceding, denying and promising take the same "that" clause
  // (not "promises", "estimates", "cautions": as plural nouns they would turn quoted words into verbs).
  'acknowledges', 'admits', 'concedes', 'predicts', 'reveals', 'maintains', 'suggested', 'suggests', 'promised',
  'denied', 'denies', 'reiterated', 'reiterates', 'cautioned', 'countered', 'complained', 'asserted', 'asserts',
];

/** Verbs that attribute a direct quotation but rarely take a reported clause. */
export const QUOTE_ONLY_VERBS = ['asked', 'asks', 'continued', 'recalled', 'joked', 'tweeted', 'posted'];

/** Participles that continue the same speaker's speech: ", adding that …". */
export const CONTINUATION_PARTICIPLES = ['adding', 'saying', 'noting', 'stressing', 'warning', 'arguing', 'explaining', 'insisting', 'claiming', 'pointing out'];

/** Words that end a capitalised run's leading part: sentence-initial function words, never names. */
export const RUN_STOPWORDS = set(`the a an its their his her our my your this that these those according asked meanwhile also at in on
  after before when while but and however former local another two three four five some many speaking if as for from with by to
  under since despite although though yet so then earlier later last next every each both all any no not there here it he she
  they we i you what who which why how outside inside during over`);

/** Titles and honorifics that precede a name; the name is what follows the last of them. */
export const TITLES = set(`mr mr. ms ms. mrs mrs. miss dr dr. prof prof. professor sir dame lord lady captain capt. judge justice
  governor chairman chairwoman chair president vice prime minister secretary senator sen. rep. representative mayor general attorney
  chancellor director chief executive deputy assistant manager coach inspector officer sergeant detective king queen prince princess
  pope bishop father ambassador commissioner superintendent commander colonel lieutenant admiral premier speaker envoy spokesman
  spokeswoman spokesperson chancellor sheikh emir mp mep mla msp ceo cfo coo
  substitute striker defender midfielder goalkeeper winger forward skipper veteran pensioner actor actress singer author novelist
  artist teacher student nurse doctor farmer resident lawyer analyst economist scientist researcher activist campaigner journalist
  reporter photographer owner founder investor entrepreneur chef driver pilot councillor councilor alderman opposition leader
  sheriff prosecutor magistrate constable marshal`);

export const MALE_HONORIFICS = set('mr mr. sir lord king prince father');
export const FEMALE_HONORIFICS = set('ms ms. mrs mrs. miss dame lady queen princess');

/** Head words that make a capitalised run an organisation rather than a person. */
export const ORG_WORDS = set(`ministry department bank union authority authorities agency inc inc. ltd ltd. plc corp corp. company
  co co. group holdings systems capital partners trust programme program council committee commission office court police service
  services institute university college hospital party government house lines airlines airways railways transport savings fund
  foundation association federation league club rovers united fc board bureau centre center administration parliament senate
  congress assembly coalition alliance network media news radio television tv press post times gazette herald courier echo journal
  tribune telegraph guardian mail express agency reuters afp tass bbc cnn organisation organization institute laboratories labs
  energy motors industries technologies pharmaceuticals insurance securities exchange reserve treasury army navy force forces
  kremlin pentagon commission team guild society syndicate cooperative consortium corporation enterprises pharma water rail
  railway oil gas power foods mining steel telecom chronicle observer standard mirror inquirer dispatch bulletin magazine ledger
  city athletic wanderers albion`); // clubs: "Kingsport City have signed …"

/** Media names and words: such a body is the article's source, not a speaker. */
export const MEDIA_WORDS = set(`news radio television tv press post times gazette herald courier echo journal tribune telegraph
  guardian mail express reuters afp tass bbc cnn newspaper associated bloomberg chronicle observer standard mirror inquirer dispatch
  bulletin magazine ledger`);

/** Organisation words that are names on their own; any other lone organisation word ("Council") is generic. */
export const PROPER_ORG_WORDS = set('reuters afp tass bbc cnn kremlin pentagon bloomberg');

/** Lower-case head nouns of an organisation named by description ("the regional education department"). */
export const ORG_NOUNS = set(`ministry department agency authority authorities government company firm club union council committee
  commission court police bank board office operator vendor regulator watchdog prosecutor prosecutors presidency administration
  embassy hospital school university airline retailer lender group trust team party army military service coalition
  port airport`);

/** Heads of descriptions that stand for some named firm ("the national grid operator"), not a public body. */
export const MARKET_ROLE_NOUNS = set('operator company firm vendor retailer lender airline carrier insurer developer supplier provider utility maker manufacturer');

/** First words of multi-word place names ("Port Halden", "New Mexico"): such runs are not people. */
export const PLACE_PREFIXES = set('port new north south east west saint st. san santa los las mount lake fort cape great upper lower');

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];
export const CALENDAR_WORDS = set(`${MONTHS.join(' ').toLowerCase()} monday tuesday wednesday thursday friday saturday sunday`);

/** Words that start an adverbial between a verb and its "that" ("said in an interview that"). */
export const ADVERBIAL_STARTS = set(`of about against for among around in on at late early earlier later last this after before during outside from via through over
  under yesterday today tonight on to with by again also previously repeatedly separately publicly privately recently
  when while once until`);

/** Leading connectives that are not part of a subject ("Meanwhile, …", "At the same time, …"). */
export const CONNECTIVE_SEGMENT = /^(?:meanwhile|however|also|separately|at the same time|in addition|still|but|and|then|later|earlier|on \w+day)$/i;

export const STOPWORDS = set(`a an the and or but if of at by for with about against between into through during before after above
  below to from up down in out on off over under again further then once here there when where why how all any both each few more
  most other some such no nor not only own same so than too very can will just should now is are was were be been being have has had
  having do does did doing would could might must shall may it its it's they them their theirs we us our ours you your he him his she
  her hers i me my this that these those who whom which what whose as also said says told would per cent one two three four five
  six seven eight nine ten many much still even because while since until new like get got make made take taken go going went
  real really let lets don't didn't doesn't isn't aren't wasn't weren't can't won't there's it's that's we're they're i'm i'll
  we'll you're anything something nothing everything someone anyone everyone`);

/** Subjects that "say" things without being speakers: "A snap poll for the Daily Ledger suggested …". */
export const NON_SPEAKER_HEADS = set('poll polls survey surveys study studies figures data estimates forecast forecasts research analysis model');

/** Gendered role words: "spokeswoman Nadia Petrova" is a she. */
export const FEMALE_ROLE = /\b(?:spokeswoman|chairwoman|businesswoman|congresswoman|councilwoman|actress|mother|wife|daughter|sister|grandmother|queen|princess|duchess|widow|girl|woman)\b/i;
export const MALE_ROLE = /\b(?:spokesman|chairman|businessman|congressman|councilman|actor|father|husband|son|brother|grandfather|king|prince|duke|widower|boy|man)\b/i;

/** A few common first names whose gender is near-certain; unknown names stay compatible with either pronoun. */
export const FEMALE_NAMES = set(`mary anna anne ann maria marie elena helena helen sarah susan karen laura linda lisa emma olivia sophia
  sophie julia claire catherine kate katherine jane janet joan fiona nadia natalia olga irina svetlana tatiana priya amira fatima aisha
  camila ruth rachel rebecca hannah alice caroline charlotte elizabeth margaret patricia jennifer jessica nicole angela sandra diana
  christine nina lena alison emily grace chloe lucy amy victoria ingrid astrid kristina ursula esther kelly`);
export const MALE_NAMES = set(`john james robert michael william david richard joseph thomas charles daniel matthew mark paul steven
  steve andrew kevin brian george edward peter tom tony jack harry oliver ivan sergei dmitry alexei alexander vladimir mikhail nikolai
  boris igor omar ahmed mohammed muhammad ali hassan raj rajesh jorge carlos juan luis pedro paulo karl hans erik lars tomas viktor
  oskar gordon graham dean gary mike martin simon samir kwame rob dan jonas donald joe barack emmanuel olaf xi`);

/** Capitalised plural nouns that open sentences as subjects ("Analysts said …"): groups, never a surname. */
export const GROUP_NOUNS = set(`analysts officials residents experts critics witnesses economists researchers scientists doctors police
  authorities investigators prosecutors campaigners activists protesters protestors organisers organizers observers diplomats sources
  lawyers teachers parents workers unions officers locals fans supporters voters traders investors executives insiders leaders ministers
  lawmakers legislators senators democrats republicans neighbours neighbors villagers farmers drivers passengers pilots nurses staff
  students families relatives survivors rescuers firefighters engineers opponents negotiators mediators`);
