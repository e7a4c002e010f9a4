import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { timeZoneChoice } from '../../domain/availability/time-zone-search.ts';
import { WEEKDAYS, type Weekday, WORKING_DAYS } from '../../domain/availability/weekdays.ts';
import type { DailySettings, DailySettingsField } from '../../domain/daily-question/settings-form.ts';
import { BUILT_IN_INTERVIEW_TYPES } from '../../domain/interview-types.ts';
import { escapeText } from './escape-text.ts';
import { PROFILE_MODAL } from './profile-modal.ts';
import { slackDate } from './slack-date.ts';

/** Ids shared by the builder and the submission listener; each input block holds one element. */
export const DAILY_SETTINGS_MODAL = {
  callbackId: 'daily-question-settings',
  blocks: {
    channel: 'daily-channel',
    time: 'daily-time',
    timezone: 'daily-timezone',
    weekdays: 'daily-weekdays',
    interviewTypes: 'daily-types',
    enabled: 'daily-enabled',
  } satisfies Record<DailySettingsField, string>,
  actionId: 'value',
  /** The timezone menu is the profile modal's searchable one: its options listener serves both. */
  timezoneSearchActionId: PROFILE_MODAL.timezoneSearchActionId,
} as const;

export const DEFAULT_DAILY_TIME = '09:00';

const DAY_LABELS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export interface DailySettingsModalInput {
  /** What is stored, or null for a workspace that has never set it up. */
  settings: DailySettings | null;
  /** The organizer's Slack timezone, the first-time default. */
  organizerTimezone: string | null;
  now: number;
}

function option(text: string, value: string): PlainTextOption {
  return { text: { type: 'plain_text', text }, value };
}

function input(block: string, label: string, element: object, extra: object = {}): KnownBlock {
  return {
    type: 'input',
    block_id: block,
    label: { type: 'plain_text', text: label },
    element: { action_id: DAILY_SETTINGS_MODAL.actionId, ...element },
    ...extra,
  } as KnownBlock;
}

/** `/mock admin daily`: where, when and what the daily practice question is. */
export function dailySettingsModal({ settings, organizerTimezone, now }: DailySettingsModalInput): ModalView {
  const ids = DAILY_SETTINGS_MODAL.blocks;
  const zone = settings?.timezone ?? organizerTimezone ?? 'UTC';
  const dayOptions = WEEKDAYS.map((day) => option(DAY_LABELS[day], day));
  const days = settings?.weekdays ?? WORKING_DAYS;
  const typeOptions = BUILT_IN_INTERVIEW_TYPES.map((type) => option(type.label, type.slug));
  const types = settings?.interviewTypes ?? BUILT_IN_INTERVIEW_TYPES.map((type) => type.slug);
  const onOff = [option('On: post every chosen day', 'on'), option('Off: stop posting', 'off')];

  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: 'Each chosen day Mockingbird posts one practice question in the channel, with a hint on demand and a button to practise it with a partner. Answers go in the thread.',
      },
    },
    input(
      ids.channel,
      'Channel',
      {
        type: 'conversations_select',
        filter: { include: ['public', 'private'], exclude_bot_users: true },
        ...(settings
          ? { initial_conversation: settings.channelId }
          : { default_to_current_conversation: true }),
      },
      {
        hint: {
          type: 'plain_text',
          text: 'Mockingbird joins a public channel by itself; invite it to a private one with /invite @mockingbird.',
        },
      },
    ),
    input(ids.time, 'Time of day', {
      type: 'timepicker',
      initial_time: settings?.localTime ?? DEFAULT_DAILY_TIME,
    }),
    input(
      ids.timezone,
      'Timezone',
      {
        type: 'external_select',
        action_id: DAILY_SETTINGS_MODAL.timezoneSearchActionId,
        min_query_length: 0,
        initial_option: option(timeZoneChoice(zone, now).label, zone),
        placeholder: { type: 'plain_text', text: 'Search for a city' },
      },
      { hint: { type: 'plain_text', text: 'The time above is read on this clock, summer time included.' } },
    ),
    input(ids.weekdays, 'Days', {
      type: 'checkboxes',
      options: dayOptions,
      initial_options: dayOptions.filter((each) => days.includes(each.value as Weekday)),
    }),
    input(
      ids.interviewTypes,
      'Interview types, taking turns',
      {
        type: 'checkboxes',
        options: typeOptions,
        initial_options: typeOptions.filter((each) => types.includes(each.value!)),
      },
      {
        hint: {
          type: 'plain_text',
          text: 'One type a day, in this order; no question repeats in the channel until its type has been through them all.',
        },
      },
    ),
    input(ids.enabled, 'Daily question', {
      type: 'radio_buttons',
      options: onOff,
      initial_option: settings?.enabled === false ? onOff[1] : onOff[0],
    }),
  ];
  return {
    type: 'modal',
    callback_id: DAILY_SETTINGS_MODAL.callbackId,
    title: { type: 'plain_text', text: 'Daily question' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

/** The modal after a save: what is now in force, and when the next question goes out. */
export function dailySettingsSavedModal(
  settings: DailySettings,
  nextRunAt: number | null,
  scheduled: boolean,
): ModalView {
  const typeLabels = settings.interviewTypes.map(
    (slug) => BUILT_IN_INTERVIEW_TYPES.find((type) => type.slug === slug)?.label ?? slug,
  );
  const days = settings.weekdays.map((day) => DAY_LABELS[day].slice(0, 3)).join(', ');
  const lines = settings.enabled
    ? [
        `*Saved: the daily question is on.* It goes to <#${settings.channelId}> at ${settings.localTime} ${escapeText(settings.timezone)} on ${days}.`,
        `Types take turns: ${typeLabels.join(', ')}.`,
        nextRunAt
          ? `The next one: ${slackDate(new Date(nextRunAt), '{date_long_pretty} at {time}')} (your own time).`
          : '',
      ]
    : ['*Saved: the daily question is off.* Nothing more is posted until you turn it on again.'];
  if (!scheduled) {
    lines.push(
      'The schedule could not be set just now; Mockingbird sets it again within a few minutes by itself, or save again to retry.',
    );
  }
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Daily question' },
    close: { type: 'plain_text', text: 'Done' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: lines.filter(Boolean).join('\n') } }],
  };
}
