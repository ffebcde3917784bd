/**
 * The third round of the held-out suite: four news-style articles written for it
 * (tests/engine/unseen-round3/*.txt) and the questions below, typed the way people type in chat.
 * Articles and questions were written and committed before the engine was ever run on them; they
 * are ingested by the project's own extractor, so a miss can be the ingestion's or the engine's.
 * Never tune the engine or these questions to them: the first-run score is the honest estimate.
 * A case is judged exactly as in the second round (same fields, same pass rule).
 */
import type { RoundTwoCase } from '../unseen-round2/questions.js';

export type RoundThreeCase = RoundTwoCase;

const found = true;
const declined = false;

export const roundThreeSuite: readonly RoundThreeCase[] = [
  // ── museum-theft ──
  { article: 'museum-theft', question: 'what did the detective say', style: ['description'], found, speaker: 'Strachan', quoteIncludes: ['exactly where they were going', 'skylight', 'Somebody will have noticed', 'No detail is too small'] },
  { article: 'museum-theft', question: 'how much is the painting worth', style: ['how-much'], found, quoteIncludes: ['2 million'] },
  { article: 'museum-theft', question: 'wat did the musuem director say', style: ['typo', 'description'], found, speaker: 'Marchbank', quoteIncludes: ['Generations of schoolchildren', 'belongs to this town'] },
  { article: 'museum-theft', question: 'what did the spokeswoman say', style: ['description'], found, speaker: 'Annand', quoteIncludes: ['roof needed work', 'bring that work forward'] },
  { article: 'museum-theft', question: 'what did the night guard say', style: ['description'], found, speaker: 'Tolland', quoteIncludes: ['frame was empty', 'broke into my own house', 'twenty-two years'] },
  { article: 'museum-theft', question: 'how did the thieves get in', style: ['plain'], found, speaker: 'Strachan', quoteIncludes: ['skylight'] },
  { article: 'museum-theft', question: 'when did the alarm go off', style: ['when'], found, quoteIncludes: ['3.04am'] },
  { article: 'museum-theft', question: 'is there a reward for finding it?', style: ['how-much'], found, quoteIncludes: ['50,000'] },
  { article: 'museum-theft', question: 'ok this is so sad, does the art expert think theyll ever get it back', style: ['buried', 'filler', 'typo', 'description'], found, speaker: 'Ferrant', quoteIncludes: ['not seen again for decades', 'rarely destroyed', 'rolled up in a loft'] },
  { article: 'museum-theft', question: 'who said no honest dealer will touch it', style: ['plain'], found, speaker: 'Ferrant', quoteIncludes: ['No honest dealer'] },
  { article: 'museum-theft', question: 'when is the museum opening again', style: ['when'], found, quoteIncludes: ['Thursday'] },
  { article: 'museum-theft', question: 'what did the councillor say', style: ['description'], found, speaker: 'Quennell', quoteIncludes: ['bring her back'] },
  { article: 'museum-theft', question: 'who is ambrose ferrant', style: ['plain'], found, summaryIncludes: 'art crime' },
  { article: 'museum-theft', question: 'why hadnt they fixed the roof yet', style: ['why', 'typo'], found, quoteIncludes: ['roof needed work', 'next spring'] },
  { article: 'museum-theft', question: 'who talked about schoolchildren', style: ['talked-about'], found, speaker: 'Marchbank', quoteIncludes: ['schoolchildren'] },
  { article: 'museum-theft', question: 'what did the artist joris vandermaal say', style: ['not-quoted'], found: declined },
  { article: 'museum-theft', question: 'what did the prime minister say about the theft', style: ['out-of-scope'], found: declined },

  // ── festival-cancelled ──
  { article: 'festival-cancelled', question: 'why was brackenfold cancelled', style: ['why'], found, speaker: 'Hallworth', quoteIncludes: ['car parks are under water', 'stages in safely'] },
  { article: 'festival-cancelled', question: 'do i get my money back?? i bought 2 tickets', style: ['filler', 'buried'], found, quoteIncludes: ['refund', 'money back'] },
  { article: 'festival-cancelled', question: 'how long will the refunds take', style: ['when'], found, quoteIncludes: ['14 days'] },
  { article: 'festival-cancelled', question: 'what did the farmer say', style: ['description'], found, speaker: 'Pritchley', quoteIncludes: ['forty years', 'sink to your ankles'] },
  { article: 'festival-cancelled', question: 'what did the pub landlady say', style: ['description'], found, speaker: 'Corrigan', quoteIncludes: ['January and February', 'ordered the beer'] },
  { article: 'festival-cancelled', question: 'what did the student say', style: ['description'], found, speaker: 'Moffatt', quoteIncludes: ['told us sooner', "can't control the weather"] },
  { article: 'festival-cancelled', question: 'who said they could have told us sooner', style: ['plain'], found, speaker: 'Moffatt', quoteIncludes: ['told us sooner'] },
  { article: 'festival-cancelled', question: 'how many people had tickets', style: ['how-much'], found, quoteIncludes: ['24,000'] },
  { article: 'festival-cancelled', question: 'what did the council say', style: ['description'], found, quoteIncludes: ['could not be made safe'] },
  { article: 'festival-cancelled', question: 'why didnt they cancel earlier', style: ['why', 'typo'], found, speaker: 'Hallworth', quoteIncludes: ['clear up'] },
  { article: 'festival-cancelled', question: 'did they think about moving it somewhere else', style: ['plain'], found, speaker: 'Hallworth', quoteIncludes: ['smaller festival', 'worse site'] },
  { article: 'festival-cancelled', question: 'what did the festivals association boss say', style: ['description'], found, speaker: 'Rolfe', quoteIncludes: ['knife edge', 'Insurance for bad weather', 'will not come back'] },
  { article: 'festival-cancelled', question: 'so is this happening to other festivals or just this one', style: ['filler'], found, quoteIncludes: ['five smaller events', 'knife edge', 'Insurance for bad weather'] },
  { article: 'festival-cancelled', question: 'who is quoted in this article', style: ['list', 'overview'], found, summaryIncludes: 'Corrigan' },
  { article: 'festival-cancelled', question: 'what did the headline act say about the cancellation', style: ['out-of-scope', 'description'], found: declined },
  { article: 'festival-cancelled', question: 'how much money did the festival lose', style: ['out-of-scope', 'how-much'], found: declined },

  // ── moorland-fire ──
  { article: 'moorland-fire', question: 'what did the fire chief say', style: ['description'], found, speaker: 'Castellane', quoteIncludes: ['difficult night', 'magnificent', 'Peat can burn', 'One barbecue'] },
  { article: 'moorland-fire', question: 'how did the fire start', style: ['plain'], found, speaker: 'Castellane', quoteIncludes: ['barbecue'] },
  { article: 'moorland-fire', question: 'when can people go back home', style: ['when'], found, quoteIncludes: ['Saturday', 'back in their own beds'] },
  { article: 'moorland-fire', question: 'how many firefighters are there', style: ['how-much'], found, quoteIncludes: ['More than 80'] },
  { article: 'moorland-fire', question: 'what did the old lady say', style: ['description'], found, speaker: 'Hebblewaite', quoteIncludes: ['sky was orange', 'so frightened', 'heat on your face'] },
  { article: 'moorland-fire', question: 'wat did her neighbor say', style: ['typo', 'description'], found, speaker: 'Mehrotra', quoteIncludes: ['calm and they were kind', 'lock the door'] },
  { article: 'moorland-fire', question: 'how many sheep did the farmer lose', style: ['how-much', 'description'], found, speaker: 'Trevaskis', quoteIncludes: ['40 ewes'] },
  { article: 'moorland-fire', question: 'how long till the heather grows back', style: ['when'], found, speaker: 'Trevaskis', quoteIncludes: ['fifteen years'] },
  { article: 'moorland-fire', question: 'what did the spokeswoman for the bird charity say', style: ['description'], found, speaker: 'Clewes', quoteIncludes: ['no way of escaping', 'last safe places'] },
  { article: 'moorland-fire', question: 'why is it so hard to put out', style: ['why'], found, speaker: 'Castellane', quoteIncludes: ['peat'] },
  { article: 'moorland-fire', question: 'who said the crews were magnificent', style: ['plain'], found, speaker: 'Castellane', quoteIncludes: ['magnificent'] },
  { article: 'moorland-fire', question: 'how close did the fire get to the houses', style: ['how-much'], found, quoteIncludes: ['300 metres'] },
  { article: 'moorland-fire', question: 'hi my aunt lives up near hatherdale, where are the evacuated people staying tonight', style: ['buried', 'filler'], found, quoteIncludes: ['village hall'] },
  { article: 'moorland-fire', question: 'who talked about curlews', style: ['talked-about'], found, speaker: 'Clewes', quoteIncludes: ['curlew', 'Nests and chicks'] },
  { article: 'moorland-fire', question: 'what did the police say about arrests', style: ['out-of-scope'], found: declined },
  { article: 'moorland-fire', question: 'what did the local mp say', style: ['out-of-scope', 'description'], found: declined },

  // ── stadium-sale ──
  { article: 'stadium-sale', question: 'how much did they sell the ground for', style: ['how-much'], found, quoteIncludes: ['14.5 million'] },
  { article: 'stadium-sale', question: 'what did the chairman say', style: ['description'], found, speaker: 'Whitcliffe', quoteIncludes: ['losing money', '3 million', 'no Calverley Town'] },
  { article: 'stadium-sale', question: 'why are they selling millbeck park', style: ['why'], found, speaker: 'Whitcliffe', quoteIncludes: ['losing money', 'no Calverley Town'] },
  { article: 'stadium-sale', question: 'what did the supporters trust say', style: ['description'], found, speaker: 'Okonedo', quoteIncludes: ['press release', 'no new ground', 'gone for ever'] },
  { article: 'stadium-sale', question: 'what did the old captain say', style: ['description'], found, speaker: 'Lowther', quoteIncludes: ['first goal', 'ashes', 'call it progress'] },
  { article: 'stadium-sale', question: 'who said you cant build a house on that and call it progress', style: ['plain', 'typo'], found, speaker: 'Lowther', quoteIncludes: ['progress'] },
  { article: 'stadium-sale', question: 'where will calverley play next season', style: ['plain'], found, quoteIncludes: ['Stenbridge'] },
  { article: 'stadium-sale', question: 'what did the developer say', style: ['description'], found, speaker: 'Orchardgate', quoteIncludes: ['how much this place means', 'do right by the town'] },
  { article: 'stadium-sale', question: 'how many houses are they building', style: ['how-much'], found, quoteIncludes: ['220'] },
  { article: 'stadium-sale', question: 'when will the new stadium be built', style: ['when'], found, speaker: 'Whitcliffe', quoteIncludes: ['within two years'] },
  { article: 'stadium-sale', question: 'when does the council decide', style: ['when'], found, quoteIncludes: ['spring'] },
  { article: 'stadium-sale', question: 'wat did the stenbridge rovers woman say', style: ['typo', 'description'], found, speaker: 'Voisey', quoteIncludes: ['empty every other Saturday', 'keeps the lights on'] },
  { article: 'stadium-sale', question: 'ngl i have supported town since i was 6, can the fans actually stop the sale or not', style: ['buried', 'filler'], found, speaker: 'Okonedo', quoteIncludes: ['asset of community value', 'six months'] },
  { article: 'stadium-sale', question: 'how much debt is the club in', style: ['how-much'], found, quoteIncludes: ['6 million'] },
  { article: 'stadium-sale', question: 'what did the manager say about the move', style: ['out-of-scope', 'description'], found: declined },
  { article: 'stadium-sale', question: 'what did the mayor say', style: ['out-of-scope'], found: declined },
];
