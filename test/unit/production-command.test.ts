import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  productionNodeArgs,
  productionWebEnv,
  productionWebNodeArgs,
} from '../harness/production-command.ts';

// The image runs what `npm run start:prod` runs, which is what the benchmarks measure: a flag
// added to one and not the other would make the figures describe a different process.
describe('the production command', () => {
  it('is the same in package.json (start:prod) and the Dockerfile (ENTRYPOINT)', () => {
    const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
    const entrypoint = /^ENTRYPOINT (\[.*\])$/m.exec(dockerfile)?.[1];

    expect(entrypoint, 'the Dockerfile has an exec-form ENTRYPOINT').toBeDefined();
    expect(JSON.parse(entrypoint!)).toEqual(['node', ...productionNodeArgs()]);
  });

  it('bounds the web role’s heap in docker-compose.yml, which the benchmarks read', () => {
    expect(productionWebEnv().NODE_OPTIONS).toMatch(/--max-old-space-size=\d+/);
  });

  it('starts the web role in docker-compose.yml as the image does, with V8 flags only added', () => {
    const image = productionNodeArgs();
    const web = productionWebNodeArgs();

    expect(web.filter((arg) => !image.includes(arg)).every((arg) => arg.startsWith('--'))).toBe(true);
    expect(web.filter((arg) => !arg.startsWith('--'))).toEqual(image.filter((arg) => !arg.startsWith('--')));
    expect(web, 'the web role collects garbage on its main thread').toContain('--single-threaded-gc');
  });

  it('runs the compiled entry point, not TypeScript', () => {
    expect(productionNodeArgs().at(-1)).toBe('dist/src/main.js');
    expect(productionNodeArgs()).not.toContain('tsx');
  });
});
