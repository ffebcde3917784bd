/**
 * Verbs of speech: what marks a statement in news English ("said", "told", "warned", "tweeted"), by lemma,
 * with the complement each takes, so ingestion knows where the words said begin.
 */

/**
 * - `clause`: the words follow directly or after "that" ("said (that) X", "warned X").
 * - `object`: someone or something comes first and belongs to the statement ("called it a disgrace",
 *   "described the plan as reckless", "urged voters to stay home", "asked him whether …").
 * - `addressee`: someone addressed comes first and is not part of it ("told reporters (that) X").
 */
export type SpeechFrame = 'clause' | 'object' | 'addressee';

const CLAUSE_VERBS = `say add note stress warn write state explain claim argue insist announce reply respond declare suggest
  predict report confirm deny acknowledge admit emphasize emphasise recall complain boast tweet post mention reiterate repeat
  promise pledge vow testify assert contend remark concede counter retort exclaim proclaim allege caution recount brag tout
  observe maintain reveal disclose charge agree lament muse conclude scoff quip joke shout yell chant concur guarantee
  hint signal threaten demand propose recommend wonder reason posit opine theorize theorise clarify elaborate acknowledge
  continue predict speculate estimate surmise grumble gush marvel fume rail cry whisper plead protest object`;
const OBJECT_VERBS = 'call describe ask urge dub label question quote';
const ADDRESSEE_VERBS = 'tell assure inform remind advise warn notify';

const list = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** Every speech verb by lemma with its frame ("warn" takes both; the clause reading is the usual one). */
export const SPEECH_FRAMES: ReadonlyMap<string, SpeechFrame> = new Map<string, SpeechFrame>([
  ...list(ADDRESSEE_VERBS).map((v): [string, SpeechFrame] => [v, 'addressee']),
  ...list(OBJECT_VERBS).map((v): [string, SpeechFrame] => [v, 'object']),
  ...list(CLAUSE_VERBS).map((v): [string, SpeechFrame] => [v, 'clause']),
]);

/** Verbs that often mean something else ("continued", "agreed", "pledged $5 million"): speech only before "that" or a quotation. */
export const WEAK_SPEECH_LEMMAS: ReadonlySet<string> = new Set(
  list(`continue agree object cry question quote praise criticize criticise blast slam thank accuse protest reason estimate pledge
  maintain advise threaten rail mention post respond charge propose repeat boast demand complain assure deny vow promise signal
  recommend hint wonder guarantee declare plead`).concat(['put it', 'speak out', 'spell out']),
);

const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  say: ['said'],
  tell: ['told'],
  write: ['wrote', 'written'],
  speak: ['spoke', 'spoken'],
  admit: ['admitted', 'admitting'],
  quip: ['quipped', 'quipping'],
  rebut: ['rebutted', 'rebutting'],
  cry: ['cried', 'cries', 'crying'],
  think: ['thought'],
  feel: ['felt'],
};

/** Regular inflections of an English verb: "warn" → warns, warned, warning; "argue" → argues, argued, arguing. */
export function inflections(lemma: string): string[] {
  const v = lemma;
  const third = /(s|sh|ch|x|z)$/.test(v) ? `${v}es` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ies` : `${v}s`;
  const past = /e$/.test(v) ? `${v}d` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ied` : `${v}ed`;
  const gerund = /[^e]e$/.test(v) ? `${v.slice(0, -1)}ing` : `${v}ing`;
  return [v, third, past, gerund, ...(IRREGULAR[v] ?? [])];
}

const FORMS: ReadonlyMap<string, string> = new Map(
  [...SPEECH_FRAMES.keys()].flatMap((lemma) => inflections(lemma).map((form): [string, string] => [form, lemma])),
);

/** The speech verb a word form belongs to ("told" → "tell"), or null when it is none. */
export function speechLemma(word: string): string | null {
  return FORMS.get(word.toLowerCase()) ?? null;
}

/** How a speech verb's statement follows it. */
export function speechFrame(lemma: string): SpeechFrame {
  return SPEECH_FRAMES.get(lemma) ?? 'clause';
}
