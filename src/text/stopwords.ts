const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** English function words: no meaning of their own in a passage, a question or a name. */
export const STOPWORDS: ReadonlySet<string> = set(`a an the and or nor but if then so than too very of to in on at by for with from into onto
  about against between through during before after above below up down out off over under again further once here there
  when where why how all any both each few more most other some such no not only own same can could will would should shall
  may might must just now is are was were be been being am have has had having do does did done doing it its it's they them
  their theirs we us our ours you your yours he him his she her hers i me my mine this that these those who whom whose which
  what as also per still even because while since until like whats whos wheres hows dont doesnt didnt isnt arent wasnt
  werent wont havent hasnt cant cannot couldnt wouldnt shouldnt im ive youre theyre thats theres every either don't didn't doesn't isn't aren't wasn't weren't can't won't there's that's we're they're i'm
  i'll we'll you're anything something nothing everything someone anyone everyone`);
