// The second half of `npm run build`: copies into dist/ the files the compiled code reads at run
// time through paths relative to its own module (import.meta.url), so dist/ keeps the source
// tree's shape: the question bank, the migrations and the sandbox page's assets.
import { cpSync } from 'node:fs';

for (const path of ['content', 'prisma/migrations', 'src/sandbox/page/assets']) {
  cpSync(path, `dist/${path}`, { recursive: true });
}
