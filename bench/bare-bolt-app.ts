/**
 * The baseline of `npm run bench:ack`: a Bolt app on the same HTTPReceiver and request URL as
 * Mockingbird whose every listener only acknowledges. bench/ack.ts runs it as a process of its own
 * and reads `{"port":…}` from its first line of output. Settings come from the environment:
 * SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  endpoints: '/slack/events',
  logLevel: LogLevel.ERROR,
});
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});

const everything = /.*/;
app.command(everything, async ({ ack }) => ack());
app.action(everything, async ({ ack }) => ack());
app.view(everything, async ({ ack }) => ack());
app.options(everything, async ({ ack }) => ack());

const server = (await receiver.start(0)) as Server;
process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    receiver.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
