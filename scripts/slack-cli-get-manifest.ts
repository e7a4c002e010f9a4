import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * The Slack CLI's `get-manifest` hook (.slack/hooks.json): prints manifest.yml as the JSON manifest
 * the CLI creates, installs and updates the app from (`slack run`, `slack install`,
 * `slack manifest info`). @slack/cli-hooks' own hook reads a manifest.json; this one keeps
 * manifest.yml the single source, with its comments, for both ways of creating the app.
 *
 * The answer follows the CLI-SDK protocol the CLI asks for. Under `message-boundaries` (which
 * @slack/cli-hooks offers, so the CLI asks for it) the JSON is wrapped in the boundary it passes,
 * so the CLI can tell the answer from anything else on stdout; under the default protocol it is
 * the only thing printed. The CLI also passes `--source=<project>`, which is not needed here: the
 * manifest is found next to this script. (slackapi/slack-cli docs/reference/hooks.md, "CLI-SDK
 * protocol negotiation"; @slack/cli-hooks src/protocols.js.)
 */

const MANIFEST = new URL('../manifest.yml', import.meta.url);

const json = JSON.stringify(parse(readFileSync(MANIFEST, 'utf8')));
const boundary = boundaryAskedFor(process.argv.slice(2));
process.stdout.write(boundary ? `${boundary}${json}${boundary}\n` : `${json}\n`);

function boundaryAskedFor(args: string[]): string | undefined {
  const flag = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  return flag('protocol') === 'message-boundaries' ? flag('boundary') : undefined;
}
