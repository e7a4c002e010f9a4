import type { ModalView, PlainTextOption } from '@slack/types';
import { LEVEL_LABELS } from '../../domain/level-words.ts';
import { LEVELS } from '../../domain/matching/types.ts';
import {
  BRIEF_LIMITS,
  type SessionBrief,
  type SessionBriefField,
} from '../../domain/sessions/session-brief.ts';
import { escapeText } from './escape-text.ts';
import { clip } from './feedback-labels.ts';
import type { SlackMessage } from './help-message.ts';
import { slackDate } from './slack-date.ts';

/** Ids shared by the button, the modal and the submission listener. */
export const SESSION_BRIEF = {
  openActionId: 'session-brief-open',
  callbackId: 'session-brief',
  blocks: {
    company: 'brief-company',
    level: 'brief-level',
    focus: 'brief-focus',
    mode: 'brief-mode',
  } satisfies Record<SessionBriefField, string>,
  actionId: 'value',
} as const;

const MODE_WORDS: Record<SessionBrief['mode'], { label: string; description: string }> = {
  learning: { label: 'Learning mode', description: 'Hints welcome; pause to discuss a better answer.' },
  pressure: { label: 'Pressure mode', description: 'Like the real thing: no hints, keep the clock.' },
};

function option(text: string, value: string, description?: string): PlainTextOption {
  return {
    text: { type: 'plain_text', text },
    value,
    ...(description ? { description: { type: 'plain_text' as const, text: description } } : {}),
  };
}

/** "Share a brief": what the interviewee wants their interviewer to know before the session. */
export function sessionBriefModal(input: {
  sessionId: string;
  interviewerSlackUserId: string;
  defaultLevel: string;
  brief: SessionBrief | null;
}): ModalView {
  const ids = SESSION_BRIEF.blocks;
  const levels = LEVELS.map((level) => option(LEVEL_LABELS[level], level));
  const level = levels.find((each) => each.value === (input.brief?.level ?? input.defaultLevel));
  const modes = (['learning', 'pressure'] as const).map((mode) =>
    option(MODE_WORDS[mode].label, mode, MODE_WORDS[mode].description),
  );
  const mode = modes.find((each) => each.value === (input.brief?.mode ?? 'learning'));
  return {
    type: 'modal',
    callback_id: SESSION_BRIEF.callbackId,
    private_metadata: input.sessionId,
    title: { type: 'plain_text', text: 'Brief your interviewer' },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `Only <@${input.interviewerSlackUserId}> sees this, beside the prompt they will ask you. You can change it until the session.`,
        },
      },
      {
        type: 'input',
        block_id: ids.company,
        optional: true,
        label: { type: 'plain_text', text: 'Target company' },
        element: {
          type: 'plain_text_input',
          action_id: SESSION_BRIEF.actionId,
          max_length: BRIEF_LIMITS.company,
          placeholder: { type: 'plain_text', text: 'e.g. a fintech scale-up' },
          ...(input.brief?.company ? { initial_value: input.brief.company } : {}),
        },
      },
      {
        type: 'input',
        block_id: ids.level,
        label: { type: 'plain_text', text: 'Level you are aiming for' },
        element: {
          type: 'static_select',
          action_id: SESSION_BRIEF.actionId,
          options: levels,
          ...(level ? { initial_option: level } : {}),
        },
      },
      {
        type: 'input',
        block_id: ids.focus,
        optional: true,
        label: { type: 'plain_text', text: 'What to focus on' },
        element: {
          type: 'plain_text_input',
          action_id: SESSION_BRIEF.actionId,
          multiline: true,
          max_length: BRIEF_LIMITS.focus,
          placeholder: {
            type: 'plain_text',
            text: 'e.g. structuring before diving in; my metrics are vague',
          },
          ...(input.brief?.focus ? { initial_value: input.brief.focus } : {}),
        },
      },
      {
        type: 'input',
        block_id: ids.mode,
        label: { type: 'plain_text', text: 'How should it feel?' },
        element: {
          type: 'radio_buttons',
          action_id: SESSION_BRIEF.actionId,
          options: modes,
          ...(mode ? { initial_option: mode } : {}),
        },
      },
    ],
  };
}

/** The brief in the interviewer's DM with the app, where their private prompt is. */
export function sessionBriefMessage(input: {
  intervieweeSlackUserId: string;
  typeLabel: string;
  startsAt: number;
  brief: SessionBrief;
  revised: boolean;
}): SlackMessage {
  const { brief } = input;
  const when = slackDate(new Date(input.startsAt), '{date_short_pretty} at {time}');
  const lines = [
    `:memo: *${input.revised ? 'Updated brief' : 'Brief'} from <@${input.intervieweeSlackUserId}>* for your *${input.typeLabel}* session, ${when}`,
    `*Aiming for:* ${LEVEL_LABELS[brief.level]}${brief.company ? ` at ${escapeText(brief.company)}` : ''}`,
    ...(brief.focus ? [`*Focus:* ${escapeText(brief.focus)}`] : []),
    `*Mode:* ${MODE_WORDS[brief.mode].label}: ${MODE_WORDS[brief.mode].description}`,
  ];
  // Escaped member text can grow fivefold (&amp;): the section is clipped to Slack's 3,000.
  const text = clip(lines.join('\n'), 3_000);
  return {
    text: `${input.revised ? 'Updated brief' : 'Brief'} for your ${input.typeLabel} session.`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  };
}
