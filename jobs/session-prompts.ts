import { interviewTypeLabel } from '../src/domain/interview-types.ts';
import { LEVELS, type Level } from '../src/domain/matching/types.ts';
import { roundPlan } from '../src/domain/question-bank/round-timing.ts';
import { selectPrompt } from '../src/domain/question-bank/select-prompt.ts';
import { interviewRounds } from '../src/domain/scheduling/interview-rounds.ts';
import type { JobPayload } from '../src/queue/catalogue.ts';
import { sessionPromptMessage } from '../src/slack/blocks/session-prompt.ts';
import { findSessionPrompt, promptsServedTo, recordSessionPrompt } from '../src/store/prompts-served.ts';
import { findActiveQuestions } from '../src/store/question-bank.ts';
import { rubricFor } from '../src/store/rubrics.ts';
import { findSession } from '../src/store/sessions.ts';
import type { JobContext } from './job-context.ts';

/**
 * Once a session is on, each interviewer gets their prompt privately: one never asked of their
 * interviewee, preferably one they answered themselves, and in a swap a different one per round.
 * Picks are stored before the DMs, so a retry sends the same prompts (and each DM once, keyed).
 * Each brief gives the minutes of its round, from the session's length and its number of rounds
 * (two in a swap, one when the roles make it one-way), and the rubric's bar for the interviewee's
 * target level.
 */
export async function sendSessionPrompts(
  payload: JobPayload<'session-prompts'>,
  context: JobContext,
): Promise<void> {
  const session = await findSession(context.db, payload.sessionId);
  if (!session || (session.status !== 'CONFIRMED' && session.status !== 'COMPLETED')) return;
  const scoped = await context.inWorkspace(session.workspaceId);
  const questions = await findActiveQuestions(context.db, {
    workspaceId: session.workspaceId,
    type: session.interviewType,
  });
  if (questions.length === 0) {
    context.logger.warn({ sessionId: session.id, type: session.interviewType }, 'no questions for a session');
    return;
  }
  const rubric = await rubricFor(session.interviewType);
  const picked: string[] = [];
  const rounds = interviewRounds(session.participants);
  const plan = roundPlan(session.durationMinutes, rounds.length);
  for (const [index, { interviewer, interviewee }] of rounds.entries()) {
    let questionId = await findSessionPrompt(context.db, session.id, interviewee.memberId);
    let interviewerKnows = false;
    if (!questionId) {
      const answered = await promptsServedTo(context.db, interviewer.memberId);
      const choice = selectPrompt({
        questions,
        interviewType: session.interviewType,
        targetLevel: interviewee.level as Level,
        askedOfInterviewee: await promptsServedTo(context.db, interviewee.memberId),
        answeredByInterviewer: answered.map((prompt) => prompt.questionId),
        exclude: picked,
        random: Math.random,
      });
      if (!choice) continue;
      interviewerKnows = choice.interviewerKnows;
      questionId = await recordSessionPrompt(context.db, {
        sessionId: session.id,
        intervieweeId: interviewee.memberId,
        questionId: choice.questionId,
        at: context.now(),
      });
    }
    picked.push(questionId);
    const question = questions.find((each) => each.id === questionId);
    if (!question) continue;
    const channel = await scoped.outbound.openConversation([interviewer.slackUserId]);
    const message = sessionPromptMessage({
      question,
      typeLabel: interviewTypeLabel(session.interviewType),
      rubric,
      intervieweeSlackId: interviewee.slackUserId,
      round: index === 0 ? 1 : 2,
      startsAt: new Date(session.startsAt),
      interviewerKnows,
      plan,
      targetLevel: asLevel(interviewee.level),
    });
    await scoped.outbound.postMessageOnce(`session-${session.id}-prompt-${interviewer.memberId}`, {
      channel,
      ...message,
    });
  }
}

function asLevel(value: string): Level | undefined {
  return LEVELS.find((level) => level === value);
}
