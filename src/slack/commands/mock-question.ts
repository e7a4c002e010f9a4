import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../app-deps.ts';
import { BUILT_IN_INTERVIEW_TYPES, interviewTypeLabel } from '../../domain/interview-types.ts';
import { LEVELS, type Level } from '../../domain/matching/types.ts';
import { parsePracticeQuestionText } from '../../domain/practice-question.ts';
import { selectPrompt } from '../../domain/question-bank/select-prompt.ts';
import { AppError } from '../../errors.ts';
import type { MemberRef } from '../../store/members.ts';
import { promptsServedTo, recordPromptServed, servedCountsByType } from '../../store/prompts-served.ts';
import { findActiveQuestions } from '../../store/question-bank.ts';
import { rubricFor } from '../../store/rubrics.ts';
import type { SlackMessage } from '../blocks/help-message.ts';
import { practiceQuestionMessage } from '../blocks/practice-question.ts';
import { ensureSyncedMember } from '../synced-member.ts';

/**
 * `/mock question [type] [level]`: a prompt to practise alone, privately. Fair like a session's
 * prompt (selectPrompt): nothing the member has been given comes back before the pool for that
 * type and level is used up. Without a type, the type they have practised least; without a level,
 * their profile's.
 */
export async function practiceQuestion(
  deps: AppDeps,
  client: WebClient,
  ref: MemberRef,
  text: string,
): Promise<SlackMessage> {
  const parsed = parsePracticeQuestionText(text);
  if (!parsed.ok)
    throw new AppError('invalid-question-request', 'question text did not parse', parsed.message);
  const member = await ensureSyncedMember(deps, client, ref);
  const level: Level = parsed.value.level ?? LEVELS.find((each) => each === member.level) ?? 'PM';
  const type = parsed.value.interviewType ?? (await leastPractisedType(deps, member.id));

  const questions = await findActiveQuestions(deps.db, { workspaceId: member.workspaceId, type });
  const choice = selectPrompt({
    questions,
    interviewType: type,
    targetLevel: level,
    askedOfInterviewee: await promptsServedTo(deps.db, member.id),
    answeredByInterviewer: [],
    random: Math.random,
  });
  const question = questions.find((each) => each.id === choice?.questionId);
  if (!choice || !question) {
    throw new AppError(
      'no-questions',
      `no active question of type ${type}`,
      `There are no ${interviewTypeLabel(type)} questions in the bank yet. Try another type.`,
    );
  }
  await recordPromptServed(deps.db, {
    memberId: member.id,
    questionId: question.id,
    purpose: 'SOLO',
    at: deps.now(),
  });
  const rubric = await rubricFor(type);
  return practiceQuestionMessage({
    question,
    typeLabel: interviewTypeLabel(type),
    framework: rubric?.framework ?? null,
    repeat: choice.repeat,
  });
}

/** The built-in type the member has been given fewest prompts of; ties go to a random one. */
async function leastPractisedType(deps: AppDeps, memberId: string): Promise<string> {
  const counts = await servedCountsByType(deps.db, memberId);
  const slugs = BUILT_IN_INTERVIEW_TYPES.map((type) => type.slug);
  const fewest = Math.min(...slugs.map((slug) => counts.get(slug) ?? 0));
  const candidates = slugs.filter((slug) => (counts.get(slug) ?? 0) === fewest);
  return candidates[Math.floor(Math.random() * candidates.length)] ?? slugs[0]!;
}
