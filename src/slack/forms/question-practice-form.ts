import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../app-deps.ts';
import { LEVELS, type Level } from '../../domain/matching/types.ts';
import { ensureMember, type MemberRef } from '../../store/members.ts';
import type { StoredQuestion } from '../../store/question-bank.ts';
import { openRequestForm } from './request-form.ts';

/**
 * The request form for practising one question from the bank: its type picked and a level it is
 * written for (the member's own when it is one of them). The daily post's "Practise this with a
 * partner" button and the "Practise this question" shortcut on that post both open it.
 */
export async function openQuestionPracticeForm(
  deps: AppDeps,
  client: WebClient,
  ref: MemberRef,
  triggerId: string,
  question: Pick<StoredQuestion, 'type' | 'levels'>,
): Promise<null> {
  const member = await ensureMember(deps.db, ref);
  const own = LEVELS.find((level) => level === member.level);
  const level: Level = own && question.levels.includes(own) ? own : (question.levels[0] ?? 'PM');
  return openRequestForm(deps, client, ref, triggerId, { interviewTypes: [question.type], level });
}
