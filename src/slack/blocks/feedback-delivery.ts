import type { KnownBlock } from '@slack/types';
import type { HireSignal, Ratings } from '../../domain/feedback/feedback-rules.ts';
import type { RubricDimension } from '../../domain/question-bank/rubric-schema.ts';
import { escapeText } from './escape-text.ts';
import { clip, FEEDBACK_ACTIONS, HIRE_SIGNAL_LABELS, quote, SCORE_WORDS } from './feedback-labels.ts';
import type { SlackMessage } from './help-message.ts';
import { slackDate } from './slack-date.ts';

const WHEN = '{date_long_pretty}';
const SECTION_MAX = 3000;

/** Where the member's Home tab is: a deep link when the app's id is known, else directions. */
export function homeTabLink(home: { slackTeamId: string; appId?: string | undefined }): string {
  return home.appId
    ? `<slack://app?team=${home.slackTeamId}&id=${home.appId}&tab=home|your Home tab>`
    : 'the *Home* tab of this app';
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, SECTION_MAX) } };
}

export interface DeliveredFeedback {
  authorSlackUserId: string;
  typeLabel: string;
  sessionStartsAt: number;
  /** The rubric's dimensions in order; a rating for a dimension no longer in it is shown by its id. */
  dimensions: readonly RubricDimension[];
  ratings: Ratings;
  hireSignal: HireSignal;
  strengths: string;
  improvement: string;
  communication: string | null;
  /** Corrected by the author after it was first shown: said plainly, so nothing changes unseen. */
  editedAt?: number | null;
}

/** What a stored feedback shows its recipient, with the rubric's dimensions to label its scores. */
export function deliveredFeedback(
  feedback: Pick<
    DeliveredFeedback,
    | 'authorSlackUserId'
    | 'ratings'
    | 'hireSignal'
    | 'strengths'
    | 'improvement'
    | 'communication'
    | 'editedAt'
  >,
  session: { typeLabel: string; startsAt: number },
  dimensions: readonly RubricDimension[],
): DeliveredFeedback {
  return {
    authorSlackUserId: feedback.authorSlackUserId,
    typeLabel: session.typeLabel,
    sessionStartsAt: session.startsAt,
    dimensions,
    ratings: feedback.ratings,
    hireSignal: feedback.hireSignal,
    strengths: feedback.strengths,
    improvement: feedback.improvement,
    communication: feedback.communication,
    editedAt: feedback.editedAt ?? null,
  };
}

/** One line per rated dimension: the score, its word and the rubric's anchor for that score. */
export function ratingLines(dimensions: readonly RubricDimension[], ratings: Ratings): string[] {
  const known = dimensions.filter((dimension) => ratings[dimension.id] !== undefined);
  const unknown = Object.keys(ratings).filter((id) => !dimensions.some((dimension) => dimension.id === id));
  return [
    ...known.map((dimension) => {
      const score = ratings[dimension.id]!;
      const anchor = dimension.anchors[String(score) as '1' | '2' | '3' | '4'];
      return `*${dimension.label}*: ${score}/4 ${SCORE_WORDS[score]}\n_${anchor}_`;
    }),
    ...unknown.map((id) => `*${id}*: ${ratings[id]}/4 ${SCORE_WORDS[ratings[id]!]}`),
  ];
}

/** The recipient's DM: the partner's feedback, readable on its own, with a pointer to trends. */
export function receivedFeedbackMessage(
  feedback: DeliveredFeedback,
  home: { slackTeamId: string; appId?: string | undefined },
): SlackMessage {
  const author = `<@${feedback.authorSlackUserId}>`;
  const when = slackDate(new Date(feedback.sessionStartsAt), WHEN);
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: clip(`Feedback on your ${feedback.typeLabel} mock`, 150) },
    },
    section(
      `${author} wrote this about your *${feedback.typeLabel}* interview on ${when}.${feedback.editedAt ? ` _Edited by ${author} ${slackDate(new Date(feedback.editedAt), '{date_short_pretty} at {time}')}._` : ''}`,
    ),
    section(`*Overall signal:* ${HIRE_SIGNAL_LABELS[feedback.hireSignal]}`),
    section(ratingLines(feedback.dimensions, feedback.ratings).join('\n')),
    section(`*Strengths*\n${quote(escapeText(feedback.strengths), SECTION_MAX - 20)}`),
    section(`*One thing to improve*\n${quote(escapeText(feedback.improvement), SECTION_MAX - 30)}`),
  ];
  if (feedback.communication) {
    blocks.push(section(`*Communication*\n${quote(escapeText(feedback.communication), SECTION_MAX - 20)}`));
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `Only you can see this. Your averages per dimension and how they move are on ${homeTabLink(home)}.`,
      },
    ],
  });
  return {
    text: `${HIRE_SIGNAL_LABELS[feedback.hireSignal]}: feedback from ${author} on your ${feedback.typeLabel} mock interview.`,
    blocks,
  };
}

/** The author's thank-you once their feedback has reached the partner. */
export function feedbackThanksMessage(
  thanks: { recipientSlackUserId: string; typeLabel: string },
  home: { slackTeamId: string; appId?: string | undefined },
): SlackMessage {
  const text = `Thank you: <@${thanks.recipientSlackUserId}> now has your feedback on your *${thanks.typeLabel}* session. Clear, specific feedback is how peers get better between real interviews.`;
  return {
    text: `Thank you: your feedback on your ${thanks.typeLabel} session has been delivered.`,
    blocks: [
      section(text),
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `What you have received so far is on ${homeTabLink(home)}.` }],
      },
    ],
  };
}

/** The reminder to someone who has not given feedback yet, a day after the session. */
export function feedbackNudgeMessage(nudge: {
  sessionId: string;
  partnerSlackUserId: string;
  typeLabel: string;
  sessionStartsAt: number;
  deadline: number;
  partnerHasGiven: boolean;
}): SlackMessage {
  const partner = `<@${nudge.partnerSlackUserId}>`;
  const waiting = nudge.partnerHasGiven
    ? `${partner} has already written theirs; you both read each other’s once yours is in.`
    : 'Feedback is revealed once you have both written yours, so neither of you is swayed by the other’s.';
  const text = `How did ${partner} do in your *${nudge.typeLabel}* session on ${slackDate(new Date(nudge.sessionStartsAt), WHEN)}? ${waiting} The form closes on ${slackDate(new Date(nudge.deadline), WHEN)}.`;
  return {
    text: `A few minutes of feedback for your ${nudge.typeLabel} partner?`,
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text },
        accessory: {
          type: 'button',
          action_id: FEEDBACK_ACTIONS.open,
          style: 'primary',
          text: { type: 'plain_text', text: 'Give feedback' },
          value: nudge.sessionId,
        },
      },
    ],
  };
}
