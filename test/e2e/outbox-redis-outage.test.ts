import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JobContext } from '../../jobs/job-context.ts';
import { matchPoolJob } from '../../jobs/match-pool.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { slotValue } from '../../src/slack/blocks/session-actions.ts';
import { type OwnedRedis, startOwnedRedis } from '../harness/owned-redis.ts';
import { buttonsIn, textOf } from '../harness/slack-messages.ts';
import { createTestWorld, startTestApp, type TestApp, type TestWorld } from '../harness/test-world.ts';

/**
 * Redis goes away for 30 s while members act. Every change is written to PostgreSQL with its
 * follow-ups (the outbox), so when Redis is back the relay queues them and nothing is forgotten:
 * the partner of a cancel is told, a confirmed session gets its reminders and they fire, a match
 * saved during the outage gets its intro, and a request placed during it expires on time.
 */
const OUTAGE_MS = 30_000;
const REMINDER_SECONDS = 20;
const REQUEST_TTL_MS = 60_000;

let world: TestWorld;
let redis: OwnedRedis;
let app: TestApp;

beforeAll(async () => {
  [world, redis] = await Promise.all([createTestWorld(), startOwnedRedis()]);
  app = await startTestApp(world, {
    env: {
      REDIS_URL: redis.url,
      WORKER_LOCK_SECONDS: '2',
      SHUTDOWN_TIMEOUT_MS: '2000',
      SESSION_REMINDERS_SECONDS: String(REMINDER_SECONDS),
      REQUEST_TTL_HOURS: String(REQUEST_TTL_MS / 3_600_000),
      MATCH_SWEEP_INTERVAL_SECONDS: String(7 * 24 * 3600),
    },
  });
  for (const user of ['U0CY', 'U0DEE', 'U0EVE', 'U0FIN', 'U0GUS', 'U0HAL', 'U0IDA'])
    world.fake.setUser(user, { tz: 'Europe/London' });
});

afterAll(async () => {
  await app?.stop();
  await redis?.close();
  await world?.close();
});

const postsIn = (channel: string) =>
  world.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);

async function press(user: string, button: { action_id: string; value: string }, channelId: string) {
  const reply = await app.slack.blockAction(user, {
    actionId: button.action_id,
    value: button.value,
    channelId,
  });
  expect(reply.status).toBe(200);
}

const memberOf = (slackUserId: string) => world.db.member.findFirstOrThrow({ where: { slackUserId } });

/** A proposal between Eve and Fin starting soon, Eve already confirmed: Fin's press puts it on. */
async function seedProposalConfirmedByEve(startsAt: number) {
  const [eve, fin] = [await memberOf('U0EVE'), await memberOf('U0FIN')];
  const requests = await Promise.all(
    [eve, fin].map((member) =>
      world.db.partnerRequest.create({
        data: {
          workspaceId: member.workspaceId,
          memberId: member.id,
          status: 'MATCHED',
          interviewTypes: ['behavioural'],
          level: 'SENIOR',
          role: 'BOTH',
          durationMinutes: 30,
          availability: { now: { now: true } },
          timezone: 'Europe/London',
          expiresAt: new Date(startsAt + 24 * 3600_000),
          closedAt: new Date(),
        },
      }),
    ),
  );
  return world.db.session.create({
    data: {
      workspaceId: eve.workspaceId,
      interviewType: 'behavioural',
      status: 'PROPOSED',
      startsAt: new Date(startsAt),
      durationMinutes: 30,
      proposedSlots: [new Date(startsAt)],
      proposedAt: new Date(),
      version: 2,
      channelId: 'G0EVEFIN',
      introTs: '1700000000.000200',
      reason: 'both free for Behavioural',
      participants: {
        create: [
          { memberId: eve.id, requestId: requests[0]!.id, interviewsFirst: true, confirmedAt: new Date() },
          { memberId: fin.id, requestId: requests[1]!.id, interviewsFirst: false },
        ],
      },
    },
  });
}

it('a 30-second Redis outage during a cancel, a confirm, a match and a new request forgets nothing', async () => {
  // Before the outage: Cy and Dee agree a time, the normal way.
  await app.slack.command('U0CY', '/mock', 'strategy senior both weekdays 18-21');
  await app.slack.command('U0DEE', '/mock', 'strategy senior both weekdays 18-21');
  const intro = await world.fake.waitForCall(
    'chat.postMessage',
    (call) => textOf(call).includes('U0CY') && textOf(call).includes('Pick this time'),
  );
  const cyDee = String(intro.args.channel);
  const confirm = buttonsIn(intro.args.blocks).find((button) => button.text.text === 'Confirm')!;
  await press('U0CY', confirm, cyDee);
  await press('U0DEE', confirm, cyDee);
  await world.fake.waitForCall(
    'chat.postMessage',
    (call) => call.args.channel === cyDee && textOf(call).includes('It is on'),
  );
  const onIntro = world.fake
    .callsTo('chat.update')
    .filter((call) => call.args.channel === cyDee)
    .at(-1)!;
  const cancel = buttonsIn(onIntro.args.blocks).find((button) => button.action_id === 'session-cancel')!;
  // Eve and Fin exist as members; their proposal's reminder will fall due after the outage.
  for (const user of ['U0EVE', 'U0FIN']) await app.slack.command(user, '/mock', 'status');
  await expect
    .poll(() => world.db.member.count({ where: { slackUserId: { in: ['U0EVE', 'U0FIN'] } } }))
    .toBe(2);
  const stoppedAt = Date.now();
  const eveFin = await seedProposalConfirmedByEve(stoppedAt + OUTAGE_MS + REMINDER_SECONDS * 1000 + 10_000);

  await redis.stop();

  // Cy cancels: the answer is the real one, not "try again".
  await press('U0CY', cancel, cyDee);
  await world.fake.waitForResponse((posted) =>
    JSON.stringify(posted.body).includes('Cancelled. Your partner is told'),
  );
  // Fin confirms: nothing fails (a confirmation redraws the intro, so there is no reply to wait for).
  await press(
    'U0FIN',
    { action_id: 'session-pick-slot', value: slotValue(eveFin, eveFin.startsAt.getTime()) },
    'G0EVEFIN',
  );
  await expect
    .poll(async () => (await world.db.session.findUniqueOrThrow({ where: { id: eveFin.id } })).status)
    .toBe('CONFIRMED');
  // Gus asks for a type nobody else wants: his request must expire on time.
  const gusAsked = Date.now();
  const gusReply = await app.slack.command('U0GUS', '/mock', 'reverse-interview now');
  expect(JSON.stringify(gusReply.json ?? {})).not.toMatch(/try again|Sorry/);
  // Hal and Ida ask, and a matching run commits their session while Redis is still away.
  await app.slack.command('U0HAL', '/mock', 'execution now');
  await app.slack.command('U0IDA', '/mock', 'execution now');
  await expect
    .poll(() =>
      world.db.partnerRequest.count({ where: { status: 'OPEN', interviewTypes: { has: 'execution' } } }),
    )
    .toBe(2);
  const hal = await memberOf('U0HAL');
  await matchPoolJob({ workspaceId: hal.workspaceId, trigger: 'sweep' }, {
    config: app.config,
    db: world.db,
    logger: createLogger('silent'),
    now: () => new Date(),
  } as unknown as JobContext);
  expect(await world.db.session.count({ where: { participants: { some: { memberId: hal.id } } } })).toBe(1);
  for (const response of world.fake.responses)
    expect(JSON.stringify(response.body)).not.toMatch(/try again|Sorry/);
  expect(await world.db.outboxEntry.count({ where: { relayedAt: null } })).toBeGreaterThan(0);

  await new Promise((resolve) => setTimeout(resolve, Math.max(0, stoppedAt + OUTAGE_MS - Date.now())));
  // Nothing reached the members while Redis was away.
  expect(postsIn(cyDee).filter((call) => textOf(call).includes('cancelled this session'))).toHaveLength(0);
  await redis.start();

  // Dee is told, once, and is back in the pool with priority.
  await world.fake.waitForCall(
    'chat.postMessage',
    (call) => call.args.channel === cyDee && textOf(call).includes('cancelled this session'),
    20_000,
  );
  const dee = await memberOf('U0DEE');
  expect(await world.db.partnerRequest.findFirst({ where: { openForMemberId: dee.id } })).toMatchObject({
    priority: true,
  });
  // Eve and Fin: "it is on", and the reminder fires before the start.
  await world.fake.waitForCall(
    'chat.postMessage',
    (call) => call.args.channel === 'G0EVEFIN' && textOf(call).includes('It is on'),
    20_000,
  );
  const checkIn = await app.queues.queue('session-check-in').getJob(`session-${eveFin.id}-v3-check-in`);
  expect(checkIn).toBeDefined();
  const reminder = await world.fake.waitForCall(
    'chat.postMessage',
    (call) => call.args.channel === 'G0EVEFIN' && textOf(call).includes('Reminder'),
    40_000,
  );
  expect(reminder.at.getTime()).toBeLessThan(eveFin.startsAt.getTime());
  // Hal and Ida meet in their DM.
  const halIda = await world.fake.waitForCall(
    'chat.postMessage',
    (call) => textOf(call).includes('U0HAL') && textOf(call).includes('U0IDA'),
    20_000,
  );
  expect(textOf(halIda)).toContain('It is on');
  // Gus's request expires when it should, with its DM.
  const expired = await world.fake.waitForCall(
    'chat.postMessage',
    (call) => call.args.channel === 'U0GUS' && textOf(call).includes('expired'),
    40_000,
  );
  expect(expired.at.getTime()).toBeGreaterThanOrEqual(gusAsked + REQUEST_TTL_MS - 1_000);
  expect(expired.at.getTime()).toBeLessThan(gusAsked + REQUEST_TTL_MS + 10_000);

  // Each message once, and the outbox drained.
  expect(postsIn(cyDee).filter((call) => textOf(call).includes('cancelled this session'))).toHaveLength(1);
  expect(postsIn('G0EVEFIN').filter((call) => textOf(call).includes('It is on'))).toHaveLength(1);
  await expect.poll(() => world.db.outboxEntry.count({ where: { relayedAt: null } })).toBe(0);
}, 150_000);
