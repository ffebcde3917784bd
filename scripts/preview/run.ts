import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from './chromium.js';
import { pageHtml } from './discord-html.js';
import { previewReplies } from './replies.js';

/**
 * `npm run preview`: real replies of the bot (the bundled article, the real commands and message
 * handlers) drawn as Discord's dark theme draws them, saved as PNG images in preview/ (not in git)
 * with an index.html beside them, so anyone can look at what users see.
 */

const OUT = resolve('preview');

async function main(): Promise<void> {
  const shots = await previewReplies();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const [i, { name, message }] of shots.entries()) {
      const html = join(OUT, `${name}.html`);
      writeFileSync(html, pageHtml(message));
      writeFileSync(join(OUT, `${name}.png`), await browser.screenshot(html));
      process.stdout.write(`[${i + 1}/${shots.length}] preview/${name}.png\n`);
    }
  } finally {
    await browser.close();
  }
  const index = shots.map(({ name, message }) => `<h2>${name}</h2><p>${message.trigger.replace(/</g, '&lt;')}</p><img src="${name}.png">`).join('\n');
  writeFileSync(join(OUT, 'index.html'), `<!doctype html><meta charset="utf-8"><body style="background:#1e1f22;color:#dbdee1;font-family:sans-serif">${index}</body>`);
  process.stdout.write(`Wrote ${shots.length} previews to ${OUT} (open preview/index.html)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`preview failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
