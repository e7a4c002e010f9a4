import type { App, Receiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { acksAwaited, followUps } from '../../../../src/slack/follow-ups.ts';
import { MeasuredApp } from '../../../../src/slack/middleware/ack-timing.ts';

/**
 * A receiver as Socket Mode's is to the app: it hands each request to processEvent with an ack
 * function, and here that ack is held until the test lets it through (the socket write it stands
 * for is in flight).
 */
class HeldAckReceiver implements Receiver {
  private app!: App;
  init(app: App): void {
    this.app = app;
  }
  start(): Promise<void> {
    return Promise.resolve();
  }
  stop(): Promise<void> {
    return Promise.resolve();
  }
  deliver(body: Record<string, unknown>) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let acked = false;
    const processed = this.app.processEvent({
      body,
      ack: async () => {
        acked = true;
        await released;
      },
    });
    return { release, processed, acked: () => acked };
  }
}

const command = (text: string) => ({
  command: '/mock',
  text,
  user_id: 'U0ANA',
  team_id: 'T0TEST',
  channel_id: 'C0TEST',
  response_url: 'https://hooks.slack.com/commands/T0TEST/1/x',
  trigger_id: '1.2.x',
});

function appWith(receiver: HeldAckReceiver, holdLaneUntilAck: boolean) {
  const app = new MeasuredApp(
    {
      receiver,
      authorize: async () => ({ botToken: 'xoxb-test', botId: 'B0TEST', botUserId: 'U0BOT' }),
    },
    { holdLaneUntilAck },
  );
  return app;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const until = async (condition: () => boolean) => {
  for (let tries = 0; !condition() && tries < 200; tries++) await settle();
};

describe('MeasuredApp holding the follow-up lane until an ack is sent (Socket Mode)', () => {
  it('starts no follow-up while an envelope waits for its ack, and lets it in once sent', async () => {
    const receiver = new HeldAckReceiver();
    const app = appWith(receiver, true);
    app.command('/mock', async ({ ack }) => {
      await ack();
    });
    const envelope = receiver.deliver(command('help'));
    await until(envelope.acked);
    expect(envelope.acked()).toBe(true);
    expect(acksAwaited()).toBe(1);

    let followedUp = false;
    const followUp = followUps.run(async () => {
      followedUp = true;
    });
    await settle();
    expect(followedUp).toBe(false);

    envelope.release();
    await envelope.processed;
    await followUp;
    expect(followedUp).toBe(true);
    expect(acksAwaited()).toBe(0);
  });

  it('lets go when the listeners are done even if none acked', async () => {
    const receiver = new HeldAckReceiver();
    const app = appWith(receiver, true);
    app.command('/mock', async () => {});
    const envelope = receiver.deliver(command('silent'));
    await envelope.processed.catch(() => {});
    expect(envelope.acked()).toBe(false);
    expect(acksAwaited()).toBe(0);
  });

  it('counts nothing itself over HTTP, where the request guard counts each request', async () => {
    const receiver = new HeldAckReceiver();
    const app = appWith(receiver, false);
    app.command('/mock', async ({ ack }) => {
      await ack();
    });
    const envelope = receiver.deliver(command('help'));
    await until(envelope.acked);
    expect(acksAwaited()).toBe(0);
    envelope.release();
    await envelope.processed;
  });
});
