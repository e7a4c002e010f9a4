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
 * The environment docker-compose.yml gives the web role beyond the image's (its NODE_OPTIONS:
 * a bounded heap), read from the file itself so the benchmarks measure the web role as shipped.
 */
export function productionWebEnv(): Record<string, string> {
  const compose = z
    .object({
      services: z.object({ web: z.object({ environment: z.record(z.string(), z.unknown()) }) }),
    })
    .parse(parseYaml(readFileSync(`${ROOT}/docker-compose.yml`, 'utf8'), { merge: true }));
  const nodeOptions = compose.services.web.environment.NODE_OPTIONS;
  return typeof nodeOptions === 'string' ? { NODE_OPTIONS: nodeOptions } : {};
}
