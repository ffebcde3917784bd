import type { Doc } from './document.js';
import { givenNameGender, nameRuns } from './names.js';
import { genderOf, type Registry } from './registry.js';

/**
 * A person the text only ever made a speaker by surname ("Arkwell said") may be named in full where no mention was
 * registered: as a modifier ("a Tamsin Arkwell rally"), after a place preposition. When the narrative gives that
 * surname exactly one fuller form, the person carries it, as readers would call them. A body named by its last word
 * ("according to the Ledger") is named the same way by the one fuller name ending in it ("the Port Ostby Ledger").
 */
export function completeLoneSurnames(doc: Doc, registry: Registry): void {
  const forms = new Map<string, Map<string, { display: string; words: string[] }>>();
  const bodies = new Map<string, Set<string>>();
  for (const sentence of doc.sentences) {
    for (const run of nameRuns(doc, sentence.first, sentence.last)) {
      if (run.kind === 'organisation') {
        const words = run.name.split(/\s+/);
        const head = (words.at(-1) ?? '').toLowerCase();
        if (words.length >= 2 && words.length <= 4) bodies.set(head, (bodies.get(head) ?? new Set<string>()).add(run.name));
        continue;
      }
      if (run.kind !== 'person' || run.words.length < 2 || run.words.length > 3) continue;
      const surname = (run.words.at(-1) ?? '').toLowerCase();
      const byForm = forms.get(surname) ?? new Map<string, { display: string; words: string[] }>();
      byForm.set(run.name.toLowerCase(), { display: run.name, words: run.words });
      forms.set(surname, byForm);
    }
  }
  const taken = new Set(registry.entities.filter((e) => e.kind === 'person' && e.named).map((e) => e.name.toLowerCase()));
  // A body of that fuller name that said nothing is the same body, mentioned before it spoke.
  const spokenBodies = new Set(registry.entities.filter((e) => e.kind === 'organisation' && e.named && registry.hasSpoken(e)).map((e) => e.name.toLowerCase()));
  for (const entity of registry.entities) {
    if (!entity.named || /\s/.test(entity.name)) continue;
    if (entity.kind === 'organisation') {
      // An acronym is a name of its own; only a capitalised word that a longer name ends in is completed.
      const fuller = /^\p{Lu}\p{Ll}+$/u.test(entity.name) ? bodies.get(entity.name.toLowerCase()) : undefined;
      const only = fuller && fuller.size === 1 ? [...fuller][0] : undefined;
      if (only && !spokenBodies.has(only.toLowerCase())) registry.rename(entity, only);
      continue;
    }
    const byForm = forms.get(entity.name.toLowerCase());
    const only = byForm && byForm.size === 1 ? [...byForm.values()][0] : undefined;
    if (!only) continue;
    // Someone else of that name, or a first name of the other gender: another person of the family.
    const gender = genderOf(entity);
    const given = givenNameGender(only.words);
    if (taken.has(only.display.toLowerCase()) || (gender && given && gender !== given)) continue;
    registry.rename(entity, only.display);
  }
}
