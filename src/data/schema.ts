import { z } from 'zod';

/**
 * The structured description of one article (`<id>.json` beside `<id>.txt`).
 * Every span (`start`/`end`) is a pair of UTF-16 offsets into the article's original
 * text, end exclusive, exactly as JavaScript's `String.prototype.slice` takes them.
 */

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, e.g. "maria-zakharova"');

const offset = z.number().int().nonnegative();

export const spanSchema = z.object({ start: offset, end: offset });

export const paragraphSchema = z.object({
  number: z.number().int().positive(),
  start: offset,
  end: offset,
});

export const personSchema = z.object({
  id,
  /** Canonical full name as the article gives it (or the organisation's name). */
  name: z.string().min(1),
  kind: z.enum(['person', 'organisation']).default('person'),
  /**
   * False when the article describes the speaker without naming them ("officials", "a senior aide", "critics"):
   * then `name` is that description, as the article writes it. Absent means named.
   */
  named: z.boolean().optional(),
  role: z.string().min(1).nullable(),
  organisation: z.string().min(1).nullable(),
  /** Other spellings people type: surnames, transliterations, misspellings. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Descriptions that identify the person without a name: "foreign ministry spokeswoman". */
  roleAliases: z.array(z.string().min(1)).default([]),
  /** Where the article introduces the person with their role, if it does. */
  introduction: spanSchema.optional(),
});

export const quoteSchema = z.object({
  id,
  speaker: id,
  /** direct: the words inside quotation marks; reported: the reported clause without "X said". */
  kind: z.enum(['direct', 'reported']),
  text: z.string().min(1),
  paragraph: z.number().int().positive(),
  start: offset,
  end: offset,
  topics: z.array(id).default([]),
  /**
   * When the attribution interrupts the statement (“A,” she said, “B.”) or the quote runs on over sentences:
   * the pieces that are the speaker's words, in order, each inside start–end. `text` covers them all.
   */
  parts: z.array(spanSchema).min(2).optional(),
  /** For a statement reported second-hand: the person who relayed it. */
  reportedBy: id.optional(),
});

export const topicSchema = z.object({
  id,
  label: z.string().min(1),
  /** Words and phrases people use for the topic; matched fuzzily in questions. */
  keywords: z.array(z.string().min(1)).min(1),
});

export const dateMentionSchema = z.object({
  /** The date as the article writes it (verbatim at start/end). */
  text: z.string().min(1),
  start: offset,
  end: offset,
  paragraph: z.number().int().positive(),
  /** What happened on (or by) that date, in one line. */
  event: z.string().min(1),
});

export const articleSchema = z.object({
  format: z.literal(1),
  id,
  /** File name of the original text, relative to this JSON file. */
  textFile: z.string().min(1),
  title: z.string().min(1),
  standfirst: z.string().min(1).nullable(),
  source: z.string().min(1),
  /** The article's date as it states it ("February 4"); the year is often not given. */
  date: z.string().min(1).nullable(),
  /** A hand-written one-line summary; shown as ours, never as a quote. */
  summary: z.string().min(1),
  paragraphs: z.array(paragraphSchema).min(1),
  people: z.array(personSchema),
  quotes: z.array(quoteSchema),
  topics: z.array(topicSchema),
  dates: z.array(dateMentionSchema).default([]),
});

export type Span = z.infer<typeof spanSchema>;
export type Paragraph = z.infer<typeof paragraphSchema>;
export type Person = z.infer<typeof personSchema>;
export type Quote = z.infer<typeof quoteSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type DateMention = z.infer<typeof dateMentionSchema>;
export type ArticleData = z.infer<typeof articleSchema>;

/** An article as the engine sees it: its data plus the original text it cites. */
export interface Article extends ArticleData {
  text: string;
}
