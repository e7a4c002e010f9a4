import type { ModalView } from '@slack/types';
import type { FeedbackAccess } from '../../domain/feedback/feedback-rules.ts';
import { slackDate } from './slack-date.ts';

const WHEN = '{date_short_pretty} at {time}';

/** A modal with one message and a close button: the answer where a Home tab has no response_url. */
export function noticeModal(title: string, text: string): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: title.slice(0, 24) },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) } }],
  };
}

/** The thank-you that replaces the form once the feedback is stored. */
export function feedbackSavedModal(saved: {
  partnerSlackUserId: string;
  created: boolean;
  bothGiven: boolean;
  deadline: number;
  editableUntil: number;
  /** A correction after the partner was shown it. */
  corrected?: boolean;
}): ModalView {
  const partner = `<@${saved.partnerSlackUserId}>`;
  if (saved.corrected) {
    return noticeModal(
      'Feedback saved',
      `Thank you: your correction is saved. ${partner}'s copy now shows it, marked as edited. You can correct it until ${slackDate(new Date(saved.editableUntil), WHEN)}.`,
    );
  }
  const next = saved.bothGiven
    ? `You have both given feedback, so ${partner} gets yours now and you get theirs in a DM.`
    : `${partner} gets it once they have sent theirs, or on ${slackDate(new Date(saved.deadline), WHEN)} at the latest. Until then you can change it from the same button (until ${slackDate(new Date(saved.editableUntil), WHEN)}).`;
  const opening = saved.created ? 'Thank you: your feedback is saved.' : 'Thank you: your changes are saved.';
  return noticeModal('Feedback saved', `${opening} ${next}`);
}

const CLOSED_TEXT: Record<Extract<FeedbackAccess, { kind: 'closed' }>['reason'], string> = {
  'not-finished':
    'This session has not finished yet, so there is no feedback to give. The button works once it is over.',
  'no-show':
    'A no-show was reported for this session, so there is no feedback to give. If that is wrong, tell an organizer.',
  'past-deadline': 'Feedback for this session has closed: it was due within three days of the session.',
  revealed: 'Your partner has already read your feedback, so it stays as it is. Thank you for giving it.',
  'edit-window-over':
    'Your feedback is saved and can no longer be changed; your partner will read it as you sent it.',
};

/** Why the form does not open (or did not save), in the member's words. */
export function feedbackClosedModal(
  reason: Extract<FeedbackAccess, { kind: 'closed' }>['reason'],
): ModalView {
  return noticeModal('Session feedback', CLOSED_TEXT[reason]);
}
