/**
 * The fake Slack (the sandbox's Slack stand-in) in a process of its own, driven over IPC by
 * bench/remote-fake-slack.ts. `bench:ack` runs it apart from its load generator so the work of
 * taking Mockingbird's response_url answers and Web API calls does not delay the clock that times
 * the acknowledgements: real Slack does not share a process with the requests it times either.
 *
 * Started with the stand-in's options as JSON in argv[2]; announces `{ ready, apiUrl, url }` and
 * then answers each `{ id, op, … }` message with `{ id, result }` or `{ id, error }`.
 */
import { SlackStandIn } from '../src/sandbox/slack-stand-in/slack-stand-in.ts';
import type { StandInOptions, UserPatch } from '../src/sandbox/slack-stand-in/types.ts';

export type FakeSlackRequest =
  | { id: number; op: 'setUser'; userId: string; patch: UserPatch }
  | { id: number; op: 'mintResponseUrls'; count: number }
  | { id: number; op: 'countResponses' }
  | { id: number; op: 'close' };

export interface FakeSlackReady {
  ready: true;
  url: string;
  apiUrl: string;
  botId: string;
  botUserId: string;
  appId: string;
  teamDomain: string;
}

const send = (message: unknown) => process.send?.(message);
const fake = await SlackStandIn.start(JSON.parse(process.argv[2] ?? '{}') as StandInOptions);

function handle(request: FakeSlackRequest): unknown {
  switch (request.op) {
    case 'setUser':
      fake.setUser(request.userId, request.patch);
      return null;
    case 'mintResponseUrls':
      return Array.from({ length: request.count }, () => fake.responseUrl());
    case 'countResponses':
      return fake.responses.length;
    case 'close':
      void fake.close().then(() => process.exit(0));
      return null;
  }
}

process.on('message', (request: FakeSlackRequest) => {
  try {
    send({ id: request.id, result: handle(request) });
  } catch (error) {
    send({ id: request.id, error: String(error) });
  }
});
// The parent's end of the channel closing means the benchmark is gone: so is the fake.
process.on('disconnect', () => process.exit(0));

send({
  ready: true,
  url: fake.url,
  apiUrl: fake.apiUrl,
  botId: fake.botId,
  botUserId: fake.botUserId,
  appId: fake.appId,
  teamDomain: fake.teamDomain,
} satisfies FakeSlackReady);
