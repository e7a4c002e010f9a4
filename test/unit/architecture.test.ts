import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The direction of the arrows in ARCHITECTURE.md, checked: the domain imports nothing with I/O,
 * the store and the queues never reach up into workflows or Slack, and no listener imports another.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Each relative import of `file`, as a path from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.[^']+)'/g)].map((match) => relative(root, join(file, '..', match[1]!)));
}

function violations(folder: string, forbidden: RegExp): string[] {
  return sourceFiles(join(root, folder)).flatMap((file) =>
    importsOf(file)
      .filter((target) => forbidden.test(target))
      .map((target) => `${relative(root, file)} imports ${target}`),
  );
}

const LISTENER_FOLDERS = ['commands', 'actions', 'views', 'events', 'options', 'shortcuts'];

describe('which way the imports point', () => {
  it('the domain imports only the domain (and configuration types)', () => {
    expect(violations('src/domain', /^src\/(?!domain\/|config\.ts)/)).toEqual([]);
  });

  it('the store and the queues never reach up into workflows, Slack or jobs', () => {
    expect(violations('src/store', /^(src\/(workflows|slack|queue)\/|jobs\/)/)).toEqual([]);
    expect(violations('src/queue', /^(src\/(workflows|slack|store)\/|jobs\/)/)).toEqual([]);
  });

  it('workflows never import Slack listeners or jobs', () => {
    expect(violations('src/workflows', /^(src\/slack\/|jobs\/)/)).toEqual([]);
  });

  it('the charts draw plain data: they import only the domain and each other', () => {
    expect(violations('src/charts', /^src\/(?!domain\/|charts\/)/)).toEqual([]);
  });

  it('Chart.js and Skia load only when a chart is drawn: nothing imports the renderer statically', () => {
    // jobs/stats-charts.ts reaches it through import(); a static import would load it in every role.
    const files = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'jobs'))];
    const eager = files.filter(
      (file) =>
        !file.includes(join('src', 'charts')) &&
        /from '[^']*charts\/render-chart\.ts'/.test(readFileSync(file, 'utf8')),
    );
    expect(eager.map((file) => relative(root, file))).toEqual([]);
  });

  it('no listener imports another listener', () => {
    const problems = LISTENER_FOLDERS.flatMap((folder) =>
      violations(`src/slack/${folder}`, new RegExp(`^src/slack/(${LISTENER_FOLDERS.join('|')})/`)).filter(
        // A folder's own index.ts registers its listeners: that is the one import allowed.
        (line) => !line.startsWith(`src/slack/${folder}/index.ts`),
      ),
    );
    expect(problems.filter((line) => !sameFolderHelper(line))).toEqual([]);
  });
});

/** A listener may use a helper file in its own folder (payload schemas, shared answers). */
function sameFolderHelper(line: string): boolean {
  const [from, , to] = line.split(' ');
  return from!.split('/').slice(0, 3).join('/') === to!.split('/').slice(0, 3).join('/');
}
