import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Availability } from '../../domain/availability/availability-schema.ts';
import { windowAsText } from '../../domain/availability/format-window.ts';
import type { OfferedWindow } from '../../domain/availability/offered-windows.ts';
import { BUILT_IN_INTERVIEW_TYPES } from '../../domain/interview-types.ts';
import { DURATIONS, LEVELS, ROLES, type Role } from '../../domain/matching/types.ts';
import { MAX_NOTE_LENGTH, type RequestFormField } from '../../domain/request-form.ts';
import type { RequestPrefill } from '../../domain/request-prefill.ts';
import { LEVEL_LABELS, ROLE_LABELS } from './labels.ts';

/** Ids shared by the builder and the submission listener; each input block holds one element. */
export const REQUEST_MODAL = {
  callbackId: 'partner-request',
  blocks: {
    interviewTypes: 'types',
    level: 'level',
    role: 'role',
    duration: 'duration',
    offeredWindows: 'windows',
    otherTimes: 'other-times',
    note: 'note',
  } satisfies Record<RequestFormField, string>,
  /** Every input's element uses this action id; the block id says which field it is. */
  actionId: 'value',
} as const;

export interface RequestModalInput {
  timezone: string;
  /** False when Slack's profile has no zone and UTC stands in, which the member should know. */
  timezoneKnown: boolean;
  offered: OfferedWindow[];
  prefill: RequestPrefill;
}

/** What the modal carries between open and submit: the zone its times were offered in. */
export interface RequestModalMetadata {
  timezone: string;
}

const ROLE_DESCRIPTIONS: Record<Role, string> = {
  BOTH: 'Each of you interviews the other in turn',
  INTERVIEWEE: 'You answer; your partner asks',
  INTERVIEWER: 'You ask; your partner answers',
};

function option(text: string, value: string, description?: string): PlainTextOption {
  return {
    text: { type: 'plain_text', text },
    value,
    ...(description ? { description: { type: 'plain_text', text: description } } : {}),
  };
}

function input(block: string, label: string, element: object, extra: object = {}): KnownBlock {
  return {
    type: 'input',
    block_id: block,
    label: { type: 'plain_text', text: label },
    element: { ...element, action_id: REQUEST_MODAL.actionId },
    ...extra,
  } as KnownBlock;
}

/** Splits the last availability into ticked presets and the leftover text the member typed. */
function splitAvailability(availability: Availability | null, offered: OfferedWindow[]) {
  // A stale "now" says nothing about today, so it is never carried over.
  const entries = availability ? [...availability.weekly, ...availability.slots] : [];
  const texts = entries.map(windowAsText);
  const ticked = offered.filter((window) => window.id !== 'now' && texts.includes(window.text));
  const other = texts.filter((text) => !ticked.some((window) => window.text === text));
  return { ticked, otherTimes: other.join('; ') };
}

/**
 * "Find a practice partner": every field a request has, prefilled from the member's last request
 * and profile, with times offered on the member's own clock.
 */
export function requestModal({ timezone, timezoneKnown, offered, prefill }: RequestModalInput): ModalView {
  const { blocks: ids } = REQUEST_MODAL;
  const typeOptions = BUILT_IN_INTERVIEW_TYPES.map((type) => option(type.label, type.slug));
  const levelOptions = LEVELS.map((level) => option(LEVEL_LABELS[level], level));
  const roleOptions = ROLES.map((role) => option(ROLE_LABELS[role], role, ROLE_DESCRIPTIONS[role]));
  const durationOptions = DURATIONS.map((minutes) => option(`${minutes} minutes`, String(minutes)));
  const windowOptions = offered.map((window) => option(window.label, window.text));
  const { ticked, otherTimes } = splitAvailability(prefill.availability, offered);
  const pick = (options: PlainTextOption[], value: string) => options.find((each) => each.value === value);
  const initialTypes = typeOptions.filter((each) => prefill.interviewTypes.includes(each.value!));
  const zoneNote = timezoneKnown
    ? `Times are in *${timezone}*, from your Slack profile or \`/mock profile\`.`
    : `Your Slack profile has no timezone I can use, so times are in *${timezone}*. Set yours with \`/mock profile\`.`;

  const blocks: KnownBlock[] = [
    input(ids.interviewTypes, 'Interview type', {
      type: 'multi_static_select',
      placeholder: { type: 'plain_text', text: 'Pick one or more' },
      options: typeOptions,
      max_selected_items: 3,
      ...(initialTypes.length > 0 ? { initial_options: initialTypes } : {}),
    }),
    input(ids.level, 'Level you are preparing for', {
      type: 'static_select',
      options: levelOptions,
      initial_option: pick(levelOptions, prefill.level),
    }),
    input(ids.role, 'Your role', {
      type: 'radio_buttons',
      options: roleOptions,
      initial_option: pick(roleOptions, prefill.role),
    }),
    input(ids.duration, 'Session length', {
      type: 'static_select',
      options: durationOptions,
      initial_option: pick(durationOptions, String(prefill.durationMinutes)) ?? durationOptions[1],
    }),
    { type: 'context', elements: [{ type: 'mrkdwn', text: zoneNote }] },
    input(
      ids.offeredWindows,
      'When are you free?',
      {
        type: 'checkboxes',
        options: windowOptions,
        ...(ticked.length > 0
          ? { initial_options: ticked.map((window) => pick(windowOptions, window.text)!) }
          : {}),
      },
      { optional: true },
    ),
    input(
      ids.otherTimes,
      'Other times',
      {
        type: 'plain_text_input',
        placeholder: { type: 'plain_text', text: 'e.g. tue thu 07:00-08:30, or 2026-12-02 18-20' },
        max_length: 300,
        ...(otherTimes ? { initial_value: otherTimes } : {}),
      },
      {
        optional: true,
        hint: { type: 'plain_text', text: 'Day words or dates, then hours. Separate several with “;”.' },
      },
    ),
    input(
      ids.note,
      'Note for your partner',
      {
        type: 'plain_text_input',
        multiline: true,
        max_length: MAX_NOTE_LENGTH,
        placeholder: { type: 'plain_text', text: 'Target company, focus area, or anything else' },
        ...(prefill.note ? { initial_value: prefill.note } : {}),
      },
      { optional: true },
    ),
  ];

  const metadata: RequestModalMetadata = { timezone };
  return {
    type: 'modal',
    callback_id: REQUEST_MODAL.callbackId,
    title: { type: 'plain_text', text: 'Find a practice partner' },
    submit: { type: 'plain_text', text: 'Find me a partner' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}
