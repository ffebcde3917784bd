import { PART_SEPARATOR, quotedWords, speakerName, type Answer, type AnswerItem } from '../engine/index.js';
import { balanceQuotationMarks } from '../text/quotation-marks.js';

/** An answer laid out for a terminal: summary first, then each quote with who, what kind, and where. */
export function formatAnswerForTerminal(answer: Answer, width = 80): string {
  const lines: string[] = [answer.summary];
  answer.items.forEach((item, i) => {
    lines.push('');
    lines.push(`  ${i + 1}. ${heading(item)}`);
    lines.push(`     ${citation(item)}`);
    // Each piece is verbatim, set off by a bar as Discord sets off a block quote; marks it cuts through are completed.
    for (const line of wrap(quotedWords(item).map(balanceQuotationMarks).join(PART_SEPARATOR), width - 7)) lines.push(`     │ ${line}`);
  });
  if (!answer.found && answer.suggestions.length > 0) {
    lines.push('');
    lines.push('  You could ask:');
    for (const suggestion of answer.suggestions) lines.push(`   • ${suggestion}`);
  }
  return lines.join('\n');
}

function heading(item: AnswerItem): string {
  if (!item.speaker) return `The article (${item.article.source})`;
  const role = item.speaker.role ? ` — ${item.speaker.role}` : '';
  return `${speakerName(item.speaker)}${role}`;
}

function citation(item: AnswerItem): string {
  const kind = item.kind === 'narration' ? 'article text' : `${item.kind} quote`;
  const via = item.reportedBy ? ` · as reported by ${item.reportedBy.name}` : '';
  const date = item.article.date ? `, ${item.article.date}` : '';
  return `${kind}${via} · ¶${item.paragraph} · ${item.article.source}${date} · ${item.article.title}`;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) out.push(line);
  return out;
}

/**
 * The `--json` object for one answer: the shape scripts depend on. `quote` stays one verbatim span (scripts
 * check it against the article); a quote its attribution interrupts adds `parts`, the speaker's own words.
 */
export function answerToJson(answer: Answer): object {
  return {
    question: answer.question,
    found: answer.found,
    summary: answer.summary,
    answers: answer.items.map((item) => ({
      speaker: item.speaker?.name ?? null,
      role: item.speaker?.role ?? null,
      quote: item.quote,
      ...(item.parts ? { parts: item.parts.map((p) => p.text) } : {}),
      kind: item.kind,
      article: item.article.id,
      paragraph: item.paragraph,
    })),
  };
}
