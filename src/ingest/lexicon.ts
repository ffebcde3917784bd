/** Word lists the ingestion rules rely on. General news English: never words taken from one article. */

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Titles and role words written before a name ("Sen.", "Former Senior Adviser", "Secretary of State"); lower case, no stop. */
export const TITLE_WORDS = set(`staff mr mrs ms miss mx dr prof sir dame lord lady sen senator rep representative gov governor lt gov
  president vice prime minister secretary state attorney general mayor judge justice chief chairman chairwoman chair
  gen col capt cmdr adm sgt maj cpl pvt rev reverend father pope bishop cardinal rabbi imam king queen prince princess
  former ex ambassador commissioner speaker leader majority minority whip delegate congressman congresswoman councilman
  councilwoman councillor councilor alderman assemblyman assemblywoman trustee director executive ceo cfo coo chancellor
  spokesman spokeswoman spokesperson press aide adviser advisor senior deputy assistant associate special counsel
  strategist pollster economist analyst professor candidate nominee host anchor moderator correspondent columnist
  reporter editor publisher author founder cofounder co-founder manager coach lawyer sheriff prosecutor detective officer
  inspector superintendent commander admiral colonel lieutenant sergeant captain general treasurer comptroller
  controller auditor clerk emir sheikh president-elect then incoming outgoing acting interim first lady
  democratic republican independent libertarian conservative liberal progressive gop`);

export const MALE_TITLES = set('mr sir lord king prince father congressman councilman assemblyman spokesman chairman rev');
export const FEMALE_TITLES = set('mrs ms miss dame lady queen princess congresswoman councilwoman assemblywoman spokeswoman chairwoman');

/** Words after a name that belong to it. */
export const NAME_SUFFIXES = set('jr sr ii iii iv v phd md esq');

/** Lower-case words inside a name ("Secretary of State", "Bank of Dunmere", "Ana de Souza"). */
export const NAME_CONNECTORS = set('of for on de del della van von der al bin da du la le y');

/** Head words that make a capitalised run an organisation rather than a person. */
export const ORG_WORDS = set(`ministry department bank union authority authorities agency inc corp company co llc plc group
  holdings systems capital partners trust program council committee commission office court police service services
  institute university college school hospital party government house senate congress parliament assembly legislature
  coalition alliance network media news radio television tv press post times gazette herald courier journal tribune
  telegraph guardian mail express chronicle observer standard mirror inquirer dispatch bulletin magazine review daily weekly
  foundation association federation league club board bureau center centre administration campaign pac fund organization
  organisation society council caucus corporation enterprises industries technologies airlines railways institute
  laboratories labs army navy force forces guard agency reserve treasury exchange cabinet embassy consulate council
  tribunal commission command watch fed federal national international united republic kingdom states church city fc
  times-picayune post-dispatch journal-constitution`);

/** Media names and words: such a body is an article's source more often than a speaker. */
export const MEDIA_WORDS = set(`news radio television tv press post times gazette herald courier journal tribune telegraph guardian
  mail express chronicle observer standard mirror inquirer dispatch bulletin magazine review daily weekly`);

/** Lower-case heads of a description that stands for a body ("the campaign", "the state department"). */
export const ORG_NOUNS = set(`ministry department agency authority authorities government administration company firm club union
  council committee commission court police bank board office operator regulator watchdog presidency embassy hospital school
  university airline group trust team party army military service coalition campaign organization organisation charity
  network newspaper paper magazine station channel website site outlet paper poll survey study report statement
  institute center centre foundation association federation league bureau caucus firm corporation maker carrier retailer
  lender insurer developer supplier provider manufacturer chain startup broadcaster publisher`);

/** Heads of descriptions that are a document or a finding, not a speaker ("a poll found", "the report says"). */
export const DOCUMENT_NOUNS = set(`poll polls survey surveys study studies report reports statement statements document documents
  memo letter email emails filing filings data figures analysis estimate estimates ruling order complaint lawsuit indictment
  book article column editorial release website ad ads advertisement video tweet post message transcript record records
  advisory guidance guidelines notice leaflet circular result results count tally calculation calculations audio recording
  recordings footage projection projections`);

/** Singular nouns for one person ("the senator", "a spokesman", "one voter"). */
export const PERSON_NOUNS = set(`man woman person senator governor congressman congresswoman representative mayor president
  candidate nominee spokesman spokeswoman spokesperson aide adviser advisor official officer strategist pollster economist
  analyst expert professor scholar lawyer attorney judge justice source secretary director chairman chairwoman chair leader
  manager chief executive founder host anchor moderator reporter writer author columnist editor voter supporter resident
  activist organizer organiser protester donor delegate member lawmaker legislator politician diplomat ambassador minister
  friend neighbor neighbour mother father wife husband daughter son sister brother veteran worker owner teacher student
  doctor nurse nominee billionaire businessman businesswoman operative consultant fundraiser staffer surrogate ally rival
  critic opponent challenger incumbent commissioner sheriff prosecutor detective investigator witness historian
  demographer researcher scientist campaigner observer insider republican democrat independent conservative liberal
  progressive evangelical speaker whip lobbyist`);

/** The same for several people ("officials", "critics", "aides"). */
export const GROUP_NOUNS = set(`people officials officers aides advisers advisors analysts experts critics supporters opponents
  voters residents members lawmakers legislators senators representatives democrats republicans conservatives liberals
  progressives leaders strategists economists researchers scientists investigators prosecutors lawyers attorneys sources
  activists protesters protestors organizers organisers donors delegates diplomats observers insiders allies rivals
  staffers operatives consultants surrogates witnesses workers employees executives managers teachers students parents
  families friends neighbors neighbours veterans historians scholars pollsters officials authorities police
  evangelicals independents proponents advocates backers detractors skeptics sceptics administrators agents
  representatives spokesmen spokeswomen spokespeople campaigners fans citizens americans immigrants farmers owners
  candidates governors mayors justices judges agencies groups organizations organisations companies firms unions
  polls surveys studies reports`);

/** Gendered role words: "spokeswoman Tamsin Arkwell" is a she. */
export const FEMALE_ROLE = /\b(?:spokeswoman|chairwoman|businesswoman|congresswoman|councilwoman|assemblywoman|actress|mother|wife|daughter|sister|grandmother|queen|princess|duchess|widow|girl|woman|first lady|mrs|ms|miss)\b/i;
export const MALE_ROLE = /\b(?:spokesman|chairman|businessman|congressman|councilman|assemblyman|actor|father|husband|son|brother|grandfather|king|prince|duke|widower|boy|man|mr)\b/i;

/** Abbreviated titles and the role noun each stands for ("Sen." → senator), so "the senator" finds "Sen. Tamsin Arkwell". */
export const TITLE_NOUNS: ReadonlyMap<string, string> = new Map([
  ['sen', 'senator'],
  ['rep', 'representative'],
  ['gov', 'governor'],
  ['gen', 'general'],
  ['lt', 'lieutenant'],
  ['col', 'colonel'],
  ['capt', 'captain'],
  ['adm', 'admiral'],
  ['sgt', 'sergeant'],
  ['dr', 'doctor'],
  ['prof', 'professor'],
  ['rev', 'reverend'],
  ['congressman', 'representative'],
  ['congresswoman', 'representative'],
]);

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];
