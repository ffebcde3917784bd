/** The shared text primitives: ingestion and the answer engine split, stem and compare text the same way. */
export { mergeRanges, trimRange, within, type Range } from './range.js';
export { countBefore } from './sorted.js';
export { ABBREVIATIONS, foldText, foldedWords, foldedWordText, slug, wordsIn, type Word } from './words.js';
export { splitSentences } from './sentences.js';
export { stem } from './stem.js';
export { contentStems, tokenize, type Token } from './tokens.js';
export { STOPWORDS } from './stopwords.js';
export { editDistance, typoAllowance } from './edit-distance.js';
export { demonymRoot, sameFamily, soundKey, spellingVariant } from './spelling.js';
export { SPEECH_FRAMES, WEAK_SPEECH_LEMMAS, inflections, speechFrame, speechLemma, type SpeechFrame } from './speech-verbs.js';
export { tagText, type Pos, type TaggedToken } from './tagger.js';
export { balanceQuotationMarks } from './quotation-marks.js';
