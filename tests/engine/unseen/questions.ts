/**
 * The second suite: four short articles written for it (tests/engine/unseen/*.txt) and the questions
 * below, all written before the engine was ever run on them. They are ingested by the project's own
 * extractor, so a failure can be the ingestion's or the engine's. Never tune the engine to them: the
 * first-run score is recorded in the README as the honest estimate for new articles.
 */
export interface UnseenCase {
  article: string;
  question: string;
  /** Whether the article answers it. */
  found: boolean;
  /** A statement in the first three items must be by a speaker whose name contains this. */
  speaker?: string;
  /** Some item of the first three must quote this (case-insensitive). */
  quoteIncludes?: string;
  /** The summary must contain this (case-insensitive). */
  summaryIncludes?: string;
}

export const unseenSuite: readonly UnseenCase[] = [
  // ── landfill-vote ──
  { article: 'landfill-vote', question: 'what did the mayor say', found: true, speaker: 'Fenwick' },
  { article: 'landfill-vote', question: 'wat did fenwik say about the kids', found: true, speaker: 'Fenwick', quoteIncludes: 'children' },
  { article: 'landfill-vote', question: 'who said the decision was rushed?', found: true, speaker: 'Pryce' },
  { article: 'landfill-vote', question: 'what did the CEO of the waste company say', found: true, speaker: 'Pryce' },
  { article: 'landfill-vote', question: 'how much will closing the landfill cost?', found: true, quoteIncludes: '14.5 million' },
  { article: 'landfill-vote', question: 'when will the landfill close', found: true, quoteIncludes: '2028' },
  { article: 'landfill-vote', question: 'what did the campaigners say', found: true, speaker: 'Lathan' },
  { article: 'landfill-vote', question: 'hey so i live near there, did anyone complain about the smell?', found: true, quoteIncludes: 'smell' },
  { article: 'landfill-vote', question: 'who is Priya Lathan', found: true, summaryIncludes: 'spokeswoman' },
  { article: 'landfill-vote', question: 'what did Fenwick say about the football stadium?', found: false },
  { article: 'landfill-vote', question: 'what did Boris Johnson say', found: false },
  // ── nurses-pay ──
  { article: 'nurses-pay', question: 'what did the union say', found: true, speaker: 'Wierzbicki' },
  { article: 'nurses-pay', question: 'who warned about staff shortages', found: true, speaker: 'Wierzbicki', quoteIncludes: 'crisis' },
  { article: 'nurses-pay', question: 'how much will the deal cost the health board', found: true, quoteIncludes: '21 million' },
  { article: 'nurses-pay', question: 'will wards close to pay for it?', found: true, speaker: 'Achebe' },
  { article: 'nurses-pay', question: 'what did the health minister say about strikes', found: true, speaker: 'Gaskell' },
  { article: 'nurses-pay', question: 'when do the new pay rates start', found: true, quoteIncludes: '1 October' },
  { article: 'nurses-pay', question: 'what percentage of members voted for the deal?', found: true, quoteIncludes: '78 percent' },
  { article: 'nurses-pay', question: 'why did fiona maclean vote yes with a heavy heart', found: true, speaker: 'Maclean' },
  { article: 'nurses-pay', question: 'who are the people quoted and what are their jobs', found: true, summaryIncludes: 'Achebe' },
  { article: 'nurses-pay', question: 'what did the doctors union say about vaccines', found: false },
  // ── tunnel-reopens ──
  { article: 'tunnel-reopens', question: 'when did the tunnel reopen', found: true, quoteIncludes: 'Monday' },
  { article: 'tunnel-reopens', question: 'what did the operations director say', found: true, speaker: 'Mendes' },
  { article: 'tunnel-reopens', question: 'how much water did they pump out', found: true, quoteIncludes: '40,000 cubic metres' },
  { article: 'tunnel-reopens', question: 'when will the new signals work?', found: true, quoteIncludes: 'end of November' },
  { article: 'tunnel-reopens', question: 'what do commuters want', found: true, speaker: 'Oyelaran' },
  { article: 'tunnel-reopens', question: 'who said the railway was warned about the river bank', found: true, speaker: 'Oyelaran' },
  { article: 'tunnel-reopens', question: 'why are trains slower', found: true, quoteIncludes: 'signalling' },
  { article: 'tunnel-reopens', question: 'what did adeyemi say about the damage', found: true, speaker: 'Adeyemi', quoteIncludes: 'cables' },
  { article: 'tunnel-reopens', question: 'what did the prime minister say about the flood', found: false },
  { article: 'tunnel-reopens', question: 'how many passengers use the tunnel every day', found: false },
  // ── chess-title ──
  { article: 'chess-title', question: 'who won the chess championship', found: true, quoteIncludes: 'Castellanos' },
  { article: 'chess-title', question: 'what did castellanos say after the game', found: true, speaker: 'Castellanos' },
  { article: 'chess-title', question: 'what did her coach say', found: true, speaker: 'Holmqvist' },
  { article: 'chess-title', question: 'how long does she study each day', found: true, quoteIncludes: 'five hours' },
  { article: 'chess-title', question: 'what did the guy she beat say?', found: true, speaker: 'Sandell' },
  { article: 'chess-title', question: 'how much is the prize', found: true, quoteIncludes: '20,000 euros' },
  { article: 'chess-title', question: 'where will she play next summer', found: true, quoteIncludes: 'Singapore' },
  { article: 'chess-title', question: 'who is beatrice lowe', found: true, summaryIncludes: 'Federation' },
  { article: 'chess-title', question: 'what did Magnus Carlsen say about her', found: false },
  { article: 'chess-title', question: 'what is the weather in Port Aldon', found: false },
];
