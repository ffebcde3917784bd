/** Adverbs made from adjectives ("completely", "legally", "repeatedly"), not nouns ending in -ly ("family", "supply"). */
const ADVERB = /(?:e|[^aeiouybp])ly$/;

/**
 * Conservative suffix stripping of a folded word, so "venues"/"venue", "negotiations"/"negotiate" and
 * "detached"/"detachment" meet. Lighter than Porter's: it never merges words a reader keeps apart.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.length > 5 && ADVERB.test(w)) w = w.slice(0, -2);
  if (w.endsWith('ibility') || w.endsWith('ability')) w = `${w.slice(0, -5)}l`;
  else if (w.endsWith('macy')) w = `${w.slice(0, -2)}t`;
  else if (w.endsWith('ators') || w.endsWith('ator')) w = w.slice(0, w.lastIndexOf('ator') + 2); // mediator → mediat(e)
  else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ations')) w = w.slice(0, -4);
  else if (w.endsWith('ation')) w = w.slice(0, -3);
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('iness') && w.length > 6) w = `${w.slice(0, -5)}y`;
  else if (/(ss|us|is)$/.test(w)) return w;
  else if (/(ches|shes|xes|zes|sses)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s')) w = w.slice(0, -1);
  // after the plural, so "document" and "documents" both end as "docu"
  if (w.endsWith('ment') && w.length > 7) w = w.slice(0, -4);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}
