import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestFormState } from '../harness/request-form.ts';
import { createTestWorld, startTestApp, type TestApp, type TestWorld } from '../harness/test-world.ts';

/**
 * PostgreSQL frozen (as by SIGSTOP: connections stay open, nothing answers). The shared server
 * cannot be frozen without freezing every other test, so the app reaches it through a TCP relay
 * that can stop passing bytes, which looks the same from the app's side.
 */
interface FreezableRelay {
  port: number;
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

async function startRelay(target: { host: string; port: number }): Promise<FreezableRelay> {
  let frozen = false;
  const pairs = new Set<[Socket, Socket]>();
  const held: Array<() => void> = [];
  const pipe = (from: Socket, to: Socket) =>
    from.on('data', (chunk: Buffer) => {
      if (frozen) held.push(() => to.write(chunk));
      else to.write(chunk);
    });
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    for (const socket of pair) {
      socket.on('error', () => {});
      socket.on('close', () => {
        pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      });
    }
    pipe(client, upstream);
    pipe(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
      for (const release of held.splice(0)) release();
    },
    close: async () => {
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let world: TestWorld;
let relay: FreezableRelay;
let app: TestApp;

beforeAll(async () => {
  world = await createTestWorld();
  const url = new URL(world.databaseUrl);
  relay = await startRelay({ host: url.hostname, port: Number(url.port || 5432) });
  url.hostname = '127.0.0.1';
  url.port = String(relay.port);
  app = await startTestApp(world, { env: { DATABASE_URL: url.toString(), MOCKINGBIRD_ROLES: 'web' } });
  world.fake.setUser('U0ICE', { tz: 'Europe/Oslo' });
});

afterAll(async () => {
  relay?.thaw();
  await app?.stop();
  await relay?.close();
  await world?.close();
});

describe('a modal submission while PostgreSQL is frozen', () => {
  it('is answered within Slack’s 3 s with "not saved, try again", and nothing is saved later', async () => {
    const before = world.fake.callsTo('views.open').length;
    await app.slack.command('U0ICE', '/mock', '');
    const [call] = (await world.fake.waitForCalls('views.open', before + 1)).slice(before);
    const view = call!.args.view as { callback_id: string; private_metadata: string };

    relay.freeze();
    const started = Date.now();
    const reply = await app.slack.viewSubmission('U0ICE', {
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: requestFormState({
        types: ['execution'],
        level: 'SENIOR',
        role: 'BOTH',
        duration: '45',
        otherTimes: 'weekdays 18:00-21:00',
      }),
    });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(3_000);
    expect(reply.status).toBe(200);
    expect(JSON.stringify(reply.json)).toMatch(/try again/i);

    // Once the database answers again, what the member was told still holds.
    relay.thaw();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await world.db.partnerRequest.count()).toBe(0);
  });
});

describe('/mock status while PostgreSQL is frozen', () => {
  it('is acknowledged at once and answered "try again", then answers in full once it is back', async () => {
    relay.freeze();
    const before = world.fake.responses.length;
    const reply = await app.slack.command('U0ICE', '/mock', 'status');
    expect(reply.status).toBe(200);
    const frozenAnswer = await world.fake.waitForResponse(
      (each) => world.fake.responses.indexOf(each) >= before,
    );
    expect(JSON.stringify(frozenAnswer.body)).toMatch(/try again/i);

    relay.thaw();
    const after = world.fake.responses.length;
    await app.slack.command('U0ICE', '/mock', 'status');
    const answer = await world.fake.waitForResponse((each) => world.fake.responses.indexOf(each) >= after);
    expect(JSON.stringify(answer.body)).toMatch(/no open request/i);
  });
});
