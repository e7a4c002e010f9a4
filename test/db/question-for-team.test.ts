import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findQuestionForTeam, toStoredQuestion } from '../../src/store/question-bank.ts';
import { useTestDatabase } from '../harness/use-database.ts';

// The daily question's buttons name a question by row id, a value a member can forge: a workspace
// sees the built-ins and its own questions, never another workspace's. The read skips Prisma
// (src/store/direct-sql.ts), so it must also read a question exactly as Prisma does.

const database = useTestDatabase();

const CONTENT = {
  type: 'execution',
  topic: 'metrics',
  levels: ['SENIOR', 'STAFF'],
  text: 'Weekly active riders fell 8% last week. Walk me through how you would find out why.',
  followUps: ['Which cut of the data would you look at first?', 'What would make you stop digging?'],
  rolePlayNotes: ['If asked, the drop began on Tuesday.'],
  rubricHints: ['Separates internal from external causes'],
  hint: 'Check the data is right before anything else, then split by segment and time.',
};

describe('findQuestionForTeam', () => {
  it('finds a built-in for any workspace, and a workspace question for its own only', async () => {
    const ours = await database.db.workspace.create({ data: { slackTeamId: 'T0OURS' } });
    await database.db.workspace.create({ data: { slackTeamId: 'T0THEIRS' } });
    const builtIn = await database.db.question.create({
      data: { ...CONTENT, slug: 'ex-riders', source: 'BUILT_IN' },
    });
    const own = await database.db.question.create({
      data: { ...CONTENT, slug: 'ex-riders', source: 'WORKSPACE', workspaceId: ours.id },
    });

    database.statements.length = 0;
    expect(await findQuestionForTeam(database.db, builtIn.id, 'T0THEIRS')).toEqual(toStoredQuestion(builtIn));
    expect(database.statements).toHaveLength(1);
    expect(await findQuestionForTeam(database.db, own.id, 'T0OURS')).toEqual(toStoredQuestion(own));
    expect(await findQuestionForTeam(database.db, own.id, 'T0THEIRS')).toBeNull();
    expect(await findQuestionForTeam(database.db, own.id, 'T0NEVERSEEN')).toBeNull();
  });

  it('answers null for an id that names nothing, without asking PostgreSQL when it is no uuid', async () => {
    expect(await findQuestionForTeam(database.db, randomUUID(), 'T0OURS')).toBeNull();

    database.statements.length = 0;
    expect(await findQuestionForTeam(database.db, 'not-a-question-id', 'T0OURS')).toBeNull();
    expect(database.statements).toHaveLength(0);
  });
});
