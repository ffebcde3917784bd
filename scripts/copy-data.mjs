// The compiled bot loads its bundled articles from beside its own code, so copy them into dist.
import { cpSync } from 'node:fs';
cpSync('src/data/articles', 'dist/src/data/articles', { recursive: true });
console.log('copied src/data/articles → dist/src/data/articles');
