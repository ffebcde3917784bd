/**
 * A news story written for the reload tests, in two versions that differ only in what one speaker
 * said: an answer quoting it shows which version it came from.
 */

export const TRAM_ID = 'velmora-tram-fares';
export const TRAM_QUESTION = 'what did Ingrid Solberg say?';
export const TRAM_SPEAKER = 'Ingrid Solberg';
export const TRAM_TITLE = 'Tram fares in Velmora to rise in spring';

const story = (price: string, month: string) => `${TRAM_TITLE}
The city council approved a new fare table on Tuesday after a long debate.

Tram fares in Velmora will rise from ${month}, the city council decided on Tuesday.
“The single ticket will cost ${price} from the first of ${month},” said Ingrid Solberg, the council's transport chair.
Solberg said the extra money would pay for new trams on the harbour line.
Opposition councillor Teodor Vik called the rise unfair. “Families who ride the tram every day will pay for the council's mistakes,” Vik said.
`;

/** The first version, and the words only it quotes. */
export const TRAM_V1 = { text: story('two crowns and forty øre', 'March'), quoted: 'two crowns and forty øre' };
/** The corrected version, re-ingested with --force. */
export const TRAM_V2 = { text: story('three crowns and ten øre', 'April'), quoted: 'three crowns and ten øre' };
