import { describe, expect, it } from 'vitest';
import { quotes } from '../support/ingest-sentences.js';

/** Which quotations a speaker's turn takes in, and which stand as quotes of their own (stage 5). */

describe('GIVEN a quotation-only sentence after an attributed quotation whose attribution holds a relative clause saying more', () => {
  it('THEN the later quotation is a quote of its own by the same speaker, not one span over the other statement', () => {
    expect(quotes('“We will not give up the harbor,” said Orlaith Quell, the leader of the dock workers, who also said that the two firms must pay more. “The port belongs to us.”')).toEqual([
      'Orlaith Quell: We will not give up the harbor',
      'Orlaith Quell: the two firms must pay more',
      'Orlaith Quell: The port belongs to us.',
    ]);
  });

  it('THEN an attribution with only a description or a scene keeps both quotations one turn', () => {
    expect(quotes('“We will not give up the harbor,” said Orlaith Quell, the leader of the dock workers. “The port belongs to us.”')).toEqual([
      'Orlaith Quell: We will not give up the harbor,” said Orlaith Quell, the leader of the dock workers. “The port belongs to us.',
    ]);
    expect(quotes('“We will not give up the harbor,” Orlaith Quell told the crowd when asked if the strike would end. “The port belongs to us.”')).toEqual([
      'Orlaith Quell: We will not give up the harbor,” Orlaith Quell told the crowd when asked if the strike would end. “The port belongs to us.',
    ]);
  });
});

describe('GIVEN a quotation-only sentence right after a reported statement that ends its sentence', () => {
  it('THEN the quotation is the reporting speaker\'s, as a quote of its own', () => {
    expect(quotes('Orlaith Quell said the pier was sound. “It will stand for a hundred years.”')).toEqual([
      'Orlaith Quell: the pier was sound',
      'Orlaith Quell: It will stand for a hundred years.',
    ]);
    expect(quotes('The pier was sound, Orlaith Quell said. “It will stand.”')).toEqual(['Orlaith Quell: The pier was sound', 'Orlaith Quell: It will stand.']);
  });

  it('THEN a sentence of narration between, or an "according to", leaves the quotation without that speaker', () => {
    expect(quotes('Orlaith Quell said the pier was sound before the storm hit the coast on Monday. Then the waves came. “It will stand.”')).toEqual([
      'Orlaith Quell: the pier was sound before the storm hit the coast on Monday',
    ]);
    expect(quotes('According to Orlaith Quell, the pier was sound. “It will stand.”')).toEqual(['Orlaith Quell: the pier was sound']);
  });
});
