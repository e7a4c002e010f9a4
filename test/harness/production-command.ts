import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The node arguments production starts the app with: package.json's `start:prod` after `node`
 * (V8 flags, then the compiled entry point). The Dockerfile's ENTRYPOINT is the same command
 * (test/unit/production-command.test.ts), so tests and benchmarks run exactly what ships.
 */
export function productionNodeArgs(): string[] {
  const command = z
    .object({ scripts: z.object({ 'start:prod': z.string() }) })
    .parse(JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8'))).scripts['start:prod'];
  const [node, ...args] = command.split(/\s+/);
  if (node !== 'node') throw new Error(`package.json's start:prod should start with node: ${command}`);
  return args;
}
