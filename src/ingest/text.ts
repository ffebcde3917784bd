/** The ingest command's imports from before the text primitives moved to `src/text/` (kept until it moves too). */
export { slug, trimRange, type Range } from '../text/index.js';
