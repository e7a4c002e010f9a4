import { beforeAll, describe, expect, it } from 'vitest';
import { FEEDBACK_TEXT_LIMITS } from '../../../../src/domain/feedback/feedback-form.ts';
import { HIRE_SIGNALS } from '../../../../src/domain/feedback/feedback-rules.ts';
import { loadBank } from '../../../../src/domain/question-bank/load-bank.ts';
import type { RubricDimension } from '../../../../src/domain/question-bank/rubric-schema.ts';
import {
  type DeliveredFeedback,
  deliveredFeedback,
  feedbackNudgeMessage,
  feedbackThanksMessage,
  receivedFeedbackMessage,
} from '../../../../src/slack/blocks/feedback-delivery.ts';
import { FEEDBACK_ACTIONS } from '../../../../src/slack/blocks/feedback-labels.ts';
import {
  feedbackClosedModal,
  feedbackSavedModal,
  noticeModal,
} from '../../../../src/slack/blocks/feedback-notice-modal.ts';
import {
  INTERVIEWER_RATING_MODAL,
  interviewerRatingModal,
} from '../../../../src/slack/blocks/interviewer-rating-modal.ts';
import {
  actionIds,
  ampersands,
  blockIds,
  blocksOf,
  expectWithinLimits,
  hostile,
  memberTokens,
  textOf,
} from './block-checks.ts';

const NOW = Date.UTC(2026, 11, 10, 12);
const DAY = 24 * 3600_000;
const HOME = { slackTeamId: 'T0TEAM', appId: 'A0APP' };

let dimensions: RubricDimension[];
let longestRubric: RubricDimension[];
beforeAll(async () => {
  const rubrics = (await loadBank()).rubrics;
  dimensions = rubrics.find((rubric) => rubric.type === 'execution')!.dimensions;
  // The rubric with the most text in its anchors: the longest ratings section there is.
  longestRubric = rubrics
    .map((rubric) => rubric.dimensions)
    .sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0]!;
});

function feedback(overrides: Partial<DeliveredFeedback> = {}): DeliveredFeedback {
  return deliveredFeedback(
    {
      authorSlackUserId: 'U0ANA',
      ratings: Object.fromEntries(dimensions.map((dimension, index) => [dimension.id, (index % 4) + 1])),
      hireSignal: 'YES',
      strengths: 'Clear structure; you segmented before solving.',
      improvement: 'Name the metric you would move before the solution.',
      communication: null,
      editedAt: null,
      ...overrides,
    },
    { typeLabel: 'Execution', startsAt: NOW - 2 * DAY },
    overrides.dimensions ?? dimensions,
  );
}

describe('the feedback a member receives', () => {
  it('labels each score with the rubric’s words and says where the trends are', () => {
    const message = receivedFeedbackMessage(feedback(), HOME);
    expectWithinLimits(message);
    const text = textOf(message.blocks);
    expect(text).toContain(`*${dimensions[0]!.label}*: 1/4 Not yet`);
    expect(text).toContain('<slack://app?team=T0TEAM&id=A0APP&tab=home|your Home tab>');
    expect(message.text).toBe('Yes: feedback from <@U0ANA> on your Execution mock interview.');
  });

  it.each([
    ['hostile', hostile],
    ['ampersands', ampersands],
  ])('every text at the form’s longest (%s) stays within limits and stays text', (_name, fill) => {
    for (const hireSignal of HIRE_SIGNALS) {
      const message = receivedFeedbackMessage(
        {
          ...feedback({
            hireSignal,
            strengths: fill(FEEDBACK_TEXT_LIMITS.strengths),
            improvement: fill(FEEDBACK_TEXT_LIMITS.improvement),
            communication: fill(FEEDBACK_TEXT_LIMITS.communication),
            editedAt: NOW,
            ratings: {
              ...Object.fromEntries(longestRubric.map((dimension) => [dimension.id, 4])),
              'a-dimension-since-renamed': 2,
            },
          }),
          dimensions: longestRubric,
          typeLabel: 'Reverse interview',
        },
        { slackTeamId: 'T0TEAM' },
      );
      expectWithinLimits(message);
      expect(memberTokens(message)).toEqual([]);
    }
  });

  it('says plainly when the author corrected it', () => {
    const message = receivedFeedbackMessage(feedback({ editedAt: NOW }), HOME);
    expect(textOf(message.blocks)).toContain('_Edited by <@U0ANA> <!date^');
  });

  it('the author’s thank-you points to the Home tab, by link or by directions', () => {
    const linked = feedbackThanksMessage({ recipientSlackUserId: 'U0BO', typeLabel: 'Execution' }, HOME);
    const directions = feedbackThanksMessage(
      { recipientSlackUserId: 'U0BO', typeLabel: 'Reverse interview' },
      { slackTeamId: 'T0TEAM' },
    );
    expectWithinLimits(linked);
    expectWithinLimits(directions);
    expect(textOf(linked.blocks)).toContain('<@U0BO> now has your feedback');
    expect(textOf(directions.blocks)).toContain('the *Home* tab of this app');
  });

  it('the nudge opens the form for its session, and says whether the partner has written', () => {
    for (const partnerHasGiven of [true, false]) {
      const message = feedbackNudgeMessage({
        sessionId: '0b9d6d9e-5e0a-4f55-9d0c-2f1c1b6f8a11',
        partnerSlackUserId: 'U0BO',
        typeLabel: 'Reverse interview',
        sessionStartsAt: NOW - DAY,
        deadline: NOW + 2 * DAY,
        partnerHasGiven,
      });
      expectWithinLimits(message);
      expect(actionIds(message)).toEqual([FEEDBACK_ACTIONS.open]);
      expect(textOf(message)).toContain('"value":"0b9d6d9e-5e0a-4f55-9d0c-2f1c1b6f8a11"');
      expect(textOf(message).includes('<@U0BO> has already written theirs')).toBe(partnerHasGiven);
    }
  });
});

describe('the notices that replace the feedback form', () => {
  it('a notice keeps Slack’s 24-character title and 3000-character text, however long it is given', () => {
    const modal = noticeModal('A title far longer than twenty-four characters', 'x'.repeat(5000));
    expectWithinLimits(modal);
    expect((modal.title as { text: string }).text).toBe('A title far longer than ');
  });

  it('after a save, says when the partner gets it, in each case', () => {
    const cases = [
      { created: true, bothGiven: true },
      { created: true, bothGiven: false },
      { created: false, bothGiven: false },
      { created: false, bothGiven: false, corrected: true },
    ];
    const texts = cases.map((each) => {
      const modal = feedbackSavedModal({
        partnerSlackUserId: 'U0BO',
        deadline: NOW + 2 * DAY,
        editableUntil: NOW + DAY,
        ...each,
      });
      expectWithinLimits(modal);
      return textOf(modal.blocks);
    });
    expect(texts[0]).toContain('<@U0BO> gets yours now');
    expect(texts[1]).toContain('Thank you: your feedback is saved.');
    expect(texts[2]).toContain('Thank you: your changes are saved.');
    expect(texts[3]).toContain('marked as edited');
  });

  it.each(['not-finished', 'no-show', 'past-deadline', 'revealed', 'edit-window-over'] as const)(
    'says why the form is closed: %s',
    (reason) => {
      const modal = feedbackClosedModal(reason);
      expectWithinLimits(modal);
      expect(textOf(modal.blocks).length).toBeGreaterThan(50);
    },
  );
});

describe('rating the interviewer', () => {
  it('has the two scales its listener reads, four options each, within limits', () => {
    const modal = interviewerRatingModal({
      sessionId: '0b9d6d9e-5e0a-4f55-9d0c-2f1c1b6f8a11',
      interviewerSlackUserId: 'U0ANA',
      typeLabel: 'Reverse interview',
      existing: null,
    });
    expectWithinLimits(modal);
    expect(modal.callback_id).toBe(INTERVIEWER_RATING_MODAL.callbackId);
    expect(modal.private_metadata).toBe('0b9d6d9e-5e0a-4f55-9d0c-2f1c1b6f8a11');
    expect(blockIds(modal)).toEqual(Object.values(INTERVIEWER_RATING_MODAL.blocks));
    for (const block of blocksOf(modal).slice(1)) {
      const element = block.element as { action_id: string; options: unknown[]; initial_option?: unknown };
      expect(element.action_id).toBe(INTERVIEWER_RATING_MODAL.actionId);
      expect(element.options).toHaveLength(4);
      expect(element.initial_option).toBeUndefined();
    }
    expect(textOf(modal.blocks)).toContain('*Only Mockingbird sees this*');
  });

  it('prefills an earlier rating', () => {
    const modal = interviewerRatingModal({
      sessionId: 's',
      interviewerSlackUserId: 'U0ANA',
      typeLabel: 'Execution',
      existing: { questionQuality: 4, feedbackQuality: 1 },
    });
    expectWithinLimits(modal);
    const initial = blocksOf(modal)
      .slice(1)
      .map((block) => (block.element as { initial_option: { value: string } }).initial_option.value);
    expect(initial).toEqual(['4', '1']);
  });
});
