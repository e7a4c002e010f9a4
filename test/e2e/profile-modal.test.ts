import { beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../harness/fake-slack.ts';
import { useTestApp } from '../harness/use-test-app.ts';

const ctx = useTestApp();

beforeAll(() => {
  ctx.world.fake.setUser('U0IVY', { tz: 'Europe/London' });
  ctx.world.fake.setUser('U0JON', { tz: 'Europe/London' });
  ctx.world.fake.setUser('U0KAI', { tz: 'Europe/London' });
  ctx.world.fake.setUser('U0LEE', { tz: 'Europe/London' });
});

type ModalView = { callback_id: string; blocks: Json[] };

async function openProfile(user: string): Promise<ModalView> {
  const before = ctx.world.fake.callsTo('views.open').length;
  await ctx.app.slack.command(user, '/mock', 'profile');
  const calls = await ctx.world.fake.waitForCalls('views.open', before + 1);
  return calls[before]!.args.view as unknown as ModalView;
}

function element(view: ModalView, blockId: string): Json {
  const block = view.blocks.find((each) => each.block_id === blockId);
  if (!block) throw new Error(`no block ${blockId}`);
  return block.element as Json;
}

function profileState(fields: {
  timezone?: string;
  level?: string;
  link?: string;
  usual?: string;
  blocked?: string[];
}) {
  return {
    values: {
      timezone: {
        'timezone-search': {
          type: 'external_select',
          selected_option: fields.timezone ? { value: fields.timezone } : null,
        },
      },
      level: {
        value: { type: 'static_select', selected_option: fields.level ? { value: fields.level } : null },
      },
      'meeting-link': { value: { type: 'url_text_input', value: fields.link ?? null } },
      'usual-times': { value: { type: 'plain_text_input', value: fields.usual ?? null } },
      'blocked-users': { value: { type: 'multi_users_select', selected_users: fields.blocked ?? [] } },
    },
  };
}

const saveProfile = (user: string, state: ReturnType<typeof profileState>) =>
  ctx.app.slack.viewSubmission(user, { callback_id: 'profile', state });

describe('/mock profile', () => {
  it('opens a modal showing the Slack timezone, with nothing else set yet', async () => {
    const view = await openProfile('U0IVY');
    expect(view.callback_id).toBe('profile');
    expect(element(view, 'timezone')).toMatchObject({
      type: 'external_select',
      initial_option: { value: 'slack', text: { text: 'Use my Slack profile (Europe/London)' } },
    });
    expect(element(view, 'level')).not.toHaveProperty('initial_option');
    expect(element(view, 'blocked-users')).not.toHaveProperty('initial_users');
  });

  it('the timezone menu finds zones by city and by offset', async () => {
    const byCity = await ctx.app.slack.blockSuggestion('U0IVY', {
      actionId: 'timezone-search',
      blockId: 'timezone',
      value: 'kathm',
    });
    expect(byCity.json).toEqual({
      options: [
        { text: { type: 'plain_text', text: 'Asia/Kathmandu (UTC+05:45)' }, value: 'Asia/Kathmandu' },
      ],
    });
    const byOffset = await ctx.app.slack.blockSuggestion('U0IVY', {
      actionId: 'timezone-search',
      blockId: 'timezone',
      value: '+5:30',
    });
    const options = (byOffset.json?.options ?? []) as Array<{ value: string }>;
    const values = options.map((option) => option.value);
    expect(values).toContain('Asia/Kolkata');
  });

  it('wrong input comes back inline: a link that is not a web address, and blocking yourself', async () => {
    const reply = await saveProfile(
      'U0IVY',
      profileState({ timezone: 'slack', link: 'javascript:alert(1)', blocked: ['U0IVY'] }),
    );
    expect(reply.json).toMatchObject({
      response_action: 'errors',
      errors: { 'meeting-link': expect.stringContaining('https://'), 'blocked-users': expect.any(String) },
    });
    const ivy = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0IVY' } });
    expect(ivy.meetingLink).toBeNull();
  });

  it('saves a timezone override, level, meeting link and a private block list, and shows them next time', async () => {
    const reply = await saveProfile(
      'U0IVY',
      profileState({
        timezone: 'Asia/Kolkata',
        level: 'STAFF',
        link: 'https://meet.example.com/ivy',
        blocked: ['U0JON'],
      }),
    );
    expect(reply.json).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(reply.json)).toContain('Asia/Kolkata');
    const ivy = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0IVY' } });
    expect(ivy).toMatchObject({
      timezoneOverride: 'Asia/Kolkata',
      timezone: 'Europe/London',
      level: 'STAFF',
      meetingLink: 'https://meet.example.com/ivy',
    });

    const view = await openProfile('U0IVY');
    expect(element(view, 'timezone')).toMatchObject({ initial_option: { value: 'Asia/Kolkata' } });
    expect(element(view, 'level')).toMatchObject({ initial_option: { value: 'STAFF' } });
    expect(element(view, 'meeting-link')).toMatchObject({ initial_value: 'https://meet.example.com/ivy' });
    expect(element(view, 'blocked-users')).toMatchObject({ initial_users: ['U0JON'] });
  });

  it('the request form then offers times in the overriding zone, at the saved level', async () => {
    const before = ctx.world.fake.callsTo('views.open').length;
    await ctx.app.slack.command('U0IVY', '/mock', '');
    const [call] = (await ctx.world.fake.waitForCalls('views.open', before + 1)).slice(before);
    const view = call!.args.view as unknown as ModalView;
    expect(JSON.stringify(view.blocks)).toContain('Asia/Kolkata');
    expect(element(view, 'level')).toMatchObject({ initial_option: { value: 'STAFF' } });
  });

  it('a blocked member is never matched with Ivy, while someone else is', async () => {
    const kolkataEvenings = 'weekdays 18-21';
    await ctx.app.slack.command('U0IVY', '/mock', `strategy staff both ${kolkataEvenings}`);
    // Jon sets the same zone so the only thing between them is Ivy's block.
    await saveProfile('U0JON', profileState({ timezone: 'Asia/Kolkata' }));
    const runsBefore = await ctx.world.db.matchRun.count();
    await ctx.app.slack.command('U0JON', '/mock', `strategy staff both ${kolkataEvenings}`);
    await expect.poll(() => ctx.world.db.matchRun.count()).toBeGreaterThan(runsBefore);
    expect(await ctx.world.db.session.count()).toBe(0);

    await saveProfile('U0KAI', profileState({ timezone: 'Asia/Kolkata' }));
    await ctx.app.slack.command('U0KAI', '/mock', `strategy staff both ${kolkataEvenings}`);
    await expect.poll(() => ctx.world.db.session.count()).toBe(1);
    const pair = await ctx.world.db.sessionParticipant.findMany({ include: { member: true } });
    const users = pair.map((participant) => participant.member.slackUserId).sort();
    expect(users).not.toEqual(['U0IVY', 'U0JON']);
    expect(users).toContain('U0KAI');
  });

  it('clearing the list and following Slack again is saved too', async () => {
    const reply = await saveProfile('U0IVY', profileState({ timezone: 'slack', level: 'STAFF' }));
    expect(reply.json).toMatchObject({ response_action: 'update' });
    const ivy = await ctx.world.db.member.findFirstOrThrow({ where: { slackUserId: 'U0IVY' } });
    expect(ivy.timezoneOverride).toBeNull();
    expect(ivy.meetingLink).toBeNull();
    expect(await ctx.world.db.memberBlock.count({ where: { memberId: ivy.id } })).toBe(0);
  });

  it('“usually free” is checked inline, then the quick path and the form start from it', async () => {
    const wrong = await saveProfile('U0LEE', profileState({ timezone: 'America/New_York', usual: 'now' }));
    expect(wrong.json).toMatchObject({
      response_action: 'errors',
      errors: { 'usual-times': expect.stringMatching(/most weeks/) },
    });

    const saved = await saveProfile(
      'U0LEE',
      profileState({ timezone: 'America/New_York', usual: 'weekdays 18-21' }),
    );
    expect(saved.json).toMatchObject({ response_action: 'update' });
    const reopened = await openProfile('U0LEE');
    expect(element(reopened, 'usual-times')).toMatchObject({ initial_value: 'weekdays 18-21' });

    // No time named: the request takes the usual times, on Lee's New York clock.
    await ctx.app.slack.command('U0LEE', '/mock', 'strategy');
    const latest = () =>
      ctx.world.db.partnerRequest.findFirst({
        where: { member: { slackUserId: 'U0LEE' } },
        orderBy: { createdAt: 'desc' },
      });
    await expect.poll(latest).toBeTruthy();
    const request = (await latest())!;
    expect(request.timezone).toBe('America/New_York');
    expect(request.availability).toMatchObject({ weekly: [{ start: '18:00', end: '21:00' }] });
  });
});
