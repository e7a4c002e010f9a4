import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARRIVAL_LIMIT_MS, arrivalsAwaited, followUps } from '../../../../src/slack/follow-ups.ts';
import { countArrivingConnections, requestArrival } from '../../../../src/slack/middleware/arrivals.ts';

/**
 * A server counting arrivals as the app's does. Each request's arrival is handed to the test,
 * which settles it when it likes (the app settles it once the request is verified), then answered.
 */
async function serverCountingArrivals(): Promise<{
  server: Server;
  port: number;
  requests: Array<{ arrived: () => void; res: ServerResponse }>;
}> {
  const requests: Array<{ arrived: () => void; res: ServerResponse }> = [];
  const server = createServer((req: IncomingMessage, res) => {
    requests.push({ arrived: requestArrival(req), res });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  countArrivingConnections(server);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port, requests };
}

const REQUEST = 'GET / HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n';

function openConnection(port: number): Socket {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {});
  return socket;
}

/**
 * Waits, on real turns of the event loop, until `check` passes. Not vi.waitFor: under fake timers
 * that advances the clock, and with it the arrival limit this file counts on.
 */
async function until(check: () => void): Promise<void> {
  const deadline = performance.now() + 5_000;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (performance.now() > deadline) throw error;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/** Follow-up work that records that it started. */
function recordStart(started: string[], name: string) {
  return async () => {
    started.push(name);
  };
}

describe('arrivals hold the follow-up lane', () => {
  let world: Awaited<ReturnType<typeof serverCountingArrivals>>;
  const sockets: Socket[] = [];

  beforeEach(async () => {
    // Only the arrival limit's timer is faked: sockets and the server run for real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    world = await serverCountingArrivals();
  });

  /** Sends a request on `socket`: it counts as arriving until the app settles it, then not at all. */
  async function expectCountedUntilSettled(socket: Socket, requestNumber: number): Promise<void> {
    socket.write(REQUEST);
    await until(() => expect(world.requests).toHaveLength(requestNumber));
    expect(arrivalsAwaited()).toBe(1);
    world.requests[requestNumber - 1]!.arrived();
    expect(arrivalsAwaited()).toBe(0);
  }

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    for (const { res } of world.requests) res.end();
    await new Promise((resolve) => world.server.close(resolve));
    await until(() => expect(arrivalsAwaited()).toBe(0));
    vi.useRealTimers();
  });

  it('from the moment a connection is accepted until its first request is verified', async () => {
    const socket = openConnection(world.port);
    sockets.push(socket);
    await until(() => expect(arrivalsAwaited()).toBe(1));

    const started: string[] = [];
    const answered = followUps.run(recordStart(started, 'answer'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([]);
    expect(followUps.queued).toBe(1);

    socket.write(REQUEST);
    await until(() => expect(world.requests).toHaveLength(1));
    // Its request is here but not yet verified: the connection's count carries over to it.
    expect(arrivalsAwaited()).toBe(1);
    expect(started).toEqual([]);

    world.requests[0]!.arrived();
    await answered;
    expect(started).toEqual(['answer']);
    expect(arrivalsAwaited()).toBe(0);
  });

  it('counts a later request on a kept-alive connection from its own arrival', async () => {
    const socket = openConnection(world.port);
    sockets.push(socket);
    await expectCountedUntilSettled(socket, 1);
    world.requests[0]!.res.end('ok');
    await expectCountedUntilSettled(socket, 2);
  });

  it('lets go of a connection that sends nothing after the limit, and of a closed one at once', async () => {
    const idle = openConnection(world.port);
    const closing = openConnection(world.port);
    sockets.push(idle, closing);
    await until(() => expect(arrivalsAwaited()).toBe(2));

    closing.destroy();
    await until(() => expect(arrivalsAwaited()).toBe(1));

    vi.advanceTimersByTime(ARRIVAL_LIMIT_MS - 1);
    expect(arrivalsAwaited()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(arrivalsAwaited()).toBe(0);

    // A request coming after its connection's limit is counted from its own head, and once.
    await expectCountedUntilSettled(idle, 1);
  });
});
