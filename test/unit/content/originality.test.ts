import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * Every prompt, hint, follow-up and rubric line in content/ is written fresh. The source documents
 * it draws on (facts and ideas only) live beside the repository (seedsDir below); this fails
 * on any run of RUN_LENGTH words that a content text shares with one of them, after both are
 * normalised (lowercase, apostrophes dropped, other punctuation read as a word break). Stock
 * interview phrases are allowed: a run that crosses one does not count.
 *
 * Without the seeds folder (a checkout on its own) there is nothing to compare, so the test skips
 * and says why; with it, an empty folder is an error, since it means the check compared nothing.
 */

const RUN_LENGTH = 8;

/** Phrases any interview prompt may use; a shared run that contains one is not copying. */
const STOCK_PHRASES = [
  'tell me about a time',
  'tell me about yourself',
  'walk me through',
  'what would you do differently',
  'how would you measure',
  'why do you want',
];

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds');
const contentDir = path.join(repoRoot, 'content');

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The word runs of `text` between stock phrases: a run may not cross one. */
function segments(text: string): string[][] {
  const all = words(text);
  const stock = STOCK_PHRASES.map(words);
  const parts: string[][] = [];
  let current: string[] = [];
  for (let i = 0; i < all.length; ) {
    const phrase = stock.find((each) => each.every((word, k) => all[i + k] === word));
    if (phrase) {
      parts.push(current);
      current = [];
      i += phrase.length;
    } else {
      current.push(all[i]!);
      i += 1;
    }
  }
  parts.push(current);
  return parts.filter((part) => part.length >= RUN_LENGTH);
}

function runs(tokens: readonly string[], length = RUN_LENGTH): string[] {
  const found: string[] = [];
  for (let i = 0; i + length <= tokens.length; i += 1) found.push(tokens.slice(i, i + length).join(' '));
  return found;
}

/** Every string in a parsed YAML document, with where it sits (`questions[3].hint`). */
function strings(value: unknown, at = ''): { at: string; text: string }[] {
  if (typeof value === 'string') return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${at}[${index}]`));
  if (value && typeof value === 'object') {
    const id = (value as { id?: unknown }).id;
    const here = typeof id === 'string' ? `${at}(${id})` : at;
    return Object.entries(value).flatMap(([key, item]) => strings(item, here ? `${here}.${key}` : key));
  }
  return [];
}

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

describe('word runs', () => {
  it('are normalised: case, punctuation and apostrophes do not hide a copy', () => {
    expect(words('Don’t ship it -- the A/B test, at 95%, says "no".')).toEqual([
      'dont',
      'ship',
      'it',
      'the',
      'a',
      'b',
      'test',
      'at',
      '95',
      'says',
      'no',
    ]);
  });

  it('do not cross a stock phrase', () => {
    const text = 'Tell me about a time you shipped a feature that nobody asked for and it worked';
    expect(segments(text)).toEqual([
      ['you', 'shipped', 'a', 'feature', 'that', 'nobody', 'asked', 'for', 'and', 'it', 'worked'],
    ]);
    expect(runs(segments(text)[0]!).at(0)).toBe('you shipped a feature that nobody asked for');
  });
});

describe.skipIf(!existsSync(seedsDir))('content/ against the source documents', () => {
  it(`shares no run of ${RUN_LENGTH} words with them`, async () => {
    const seedFiles = (await readdir(seedsDir)).filter(
      (name) => !name.startsWith('.') && name !== 'README.md',
    );
    expect(seedFiles.length, `${seedsDir} holds no source documents`).toBeGreaterThan(0);
    const seedRuns = new Map<string, string>();
    for (const name of seedFiles) {
      const text = await readFile(path.join(seedsDir, name), 'utf8');
      for (const run of runs(words(text))) if (!seedRuns.has(run)) seedRuns.set(run, name);
    }

    const copies: string[] = [];
    const files = await yamlFiles(contentDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const source = await readFile(file, 'utf8');
      // Comments are content too: a copied sentence in a comment is still a copied sentence.
      const comments = source
        .split('\n')
        .filter((line) => line.trimStart().startsWith('#'))
        .map((line, index) => ({ at: `comment ${index + 1}`, text: line }));
      for (const { at, text } of [...strings(parse(source)), ...comments]) {
        for (const segment of segments(text)) {
          for (const run of runs(segment)) {
            const seed = seedRuns.get(run);
            if (seed) copies.push(`${path.relative(repoRoot, file)} ${at}: “${run}” (also in ${seed})`);
          }
        }
      }
    }
    expect(copies, `content/ repeats the source documents word for word:\n${copies.join('\n')}`).toEqual([]);
  });
});

if (!existsSync(seedsDir)) {
  console.log(`originality test skipped: no source documents at ${seedsDir}`);
}
