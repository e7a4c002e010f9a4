import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
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

/**
 * The node arguments docker-compose.yml starts the web role with: its `entrypoint` (the image's,
 * plus V8 flags node refuses in NODE_OPTIONS) after `node`, or the image's when it sets none.
 */
export function productionWebNodeArgs(): string[] {
  const entrypoint = composeWebService().entrypoint;
  if (entrypoint === undefined) return productionNodeArgs();
  const [node, ...args] = entrypoint;
  if (node !== 'node') throw new Error(`docker-compose.yml's web entrypoint should start with node`);
  return args;
}

function composeWebService(): { environment: Record<string, unknown>; entrypoint?: string[] } {
  return z
    .object({
      services: z.object({
        web: z.object({
          environment: z.record(z.string(), z.unknown()),
          entrypoint: z.array(z.string()).optional(),
        }),
      }),
    })
    .parse(parseYaml(readFileSync(`${ROOT}/docker-compose.yml`, 'utf8'), { merge: true })).services.web;
}

/**
 * The environment docker-compose.yml gives the web role beyond the image's (its NODE_OPTIONS:
 * a bounded heap), read from the file itself so the benchmarks measure the web role as shipped.
 */
export function productionWebEnv(): Record<string, string> {
  const nodeOptions = composeWebService().environment.NODE_OPTIONS;
  return typeof nodeOptions === 'string' ? { NODE_OPTIONS: nodeOptions } : {};
}
