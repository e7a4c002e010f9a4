import type { Database } from './prisma.ts';

/**
 * A member's private "don't match me with" list. It is stored by member id, so the people listed
 * get a member row (with nothing but their Slack id) even if they never used Mockingbird: the
 * block must hold on the day they first ask for a partner.
 */

/** Slack user ids the member has blocked. */
export async function blockedSlackUsers(db: Database, memberId: string): Promise<string[]> {
  const blocks = await db.memberBlock.findMany({
    where: { memberId },
    select: { blockedMember: { select: { slackUserId: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return blocks.map((block) => block.blockedMember.slackUserId);
}

/** Replaces the whole list with these Slack users, in one transaction. */
export async function replaceBlockedUsers(
  db: Database,
  member: { id: string; workspaceId: string },
  slackUserIds: readonly string[],
): Promise<void> {
  await db.$transaction(async (tx) => {
    const blocked = await Promise.all(
      slackUserIds.map((slackUserId) =>
        tx.member.upsert({
          where: { workspaceId_slackUserId: { workspaceId: member.workspaceId, slackUserId } },
          create: { workspaceId: member.workspaceId, slackUserId },
          update: {},
          select: { id: true },
        }),
      ),
    );
    const ids = blocked.map((row) => row.id);
    await tx.memberBlock.deleteMany({ where: { memberId: member.id, blockedMemberId: { notIn: ids } } });
    await tx.memberBlock.createMany({
      data: ids.map((blockedMemberId) => ({ memberId: member.id, blockedMemberId })),
      skipDuplicates: true,
    });
  });
}
