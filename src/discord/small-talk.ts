/**
 * Words that ask for the bot rather than about an article: a greeting, "help", a bare question
 * mark. Such a message gets the short help, not "the article doesn't say".
 */
const SMALL_TALK = /^(?:help|help me|hi|hello|hey|hiya|howdy|yo|sup|hi there|hello there|hey there|good (?:morning|afternoon|evening)|start|commands|menu|how does this work|how do i use (?:this|you)|what can you do|what do you do|who are you|thanks|thank you|ok|okay|\?+)$/i;

/** The text (mentions already removed) is empty or small talk. */
export function isSmallTalk(text: string): boolean {
  const plain = text.replace(/[\s!.,?¡¿]+$/u, '').replace(/^[\s!.,]+/u, '').trim();
  return plain === '' || SMALL_TALK.test(plain) || /^\?+$/.test(text.trim());
}
