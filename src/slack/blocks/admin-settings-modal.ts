import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { DURATIONS } from '../../domain/matching/types.ts';
import {
  REMINDER_CHOICES_MINUTES,
  SETTINGS_LIMITS,
  type SettingsDefaults,
  type WorkspaceSettings,
  type WorkspaceSettingsField,
} from '../../domain/workspace-settings.ts';

/** Ids shared by the builder and the submission listener; each input block holds one element. */
export const ADMIN_SETTINGS_MODAL = {
  callbackId: 'admin-settings',
  blocks: {
    organizers: 'admin-organizers',
    maxLevelDistance: 'admin-level-distance',
    cooldownDays: 'admin-cooldown',
    sweepIntervalMinutes: 'admin-sweep-interval',
    horizonDays: 'admin-horizon',
    defaultDurationMinutes: 'admin-duration',
    reminderOffsetsMinutes: 'admin-reminders',
    confirmNudgeHours: 'admin-confirm-nudge',
    releaseHours: 'admin-release',
    welcomeNewMembers: 'admin-welcome',
  } satisfies Record<WorkspaceSettingsField, string>,
  actionId: 'value',
  dailyBlock: 'admin-daily',
} as const;

/** Buttons that open organizer modals: from the Home tab, and the daily question from the settings. */
export const ADMIN_SETTINGS_ACTIONS = {
  open: 'admin-settings-open',
  openDaily: 'admin-settings-daily',
} as const;

export interface AdminSettingsModalInput {
  settings: WorkspaceSettings;
  /** What a blank field means, shown as its placeholder. */
  defaults: SettingsDefaults;
}

function option(text: string, value: string): PlainTextOption {
  return { text: { type: 'plain_text', text }, value };
}

function plain(text: string) {
  return { type: 'plain_text' as const, text };
}

/** "15 min", "3 h", "2 days": how far before, or how long, in the fewest words. */
export function minutesLabel(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  if (minutes < 60) return `${Number(minutes.toFixed(1))} min`;
  if (minutes <= 1440 || minutes % 1440 !== 0) {
    const hours = Math.floor(minutes / 60);
    const rest = Math.round(minutes % 60);
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  return `${minutes / 1440} days`;
}

function listLabel(minutes: number[]): string {
  return minutes.map(minutesLabel).join(' and ');
}

function numberInput(
  block: string,
  label: string,
  limits: { min: number; max: number },
  value: number | null,
  defaultText: string,
  hint: string,
): KnownBlock {
  return {
    type: 'input',
    block_id: block,
    optional: true,
    label: plain(label),
    hint: plain(hint),
    element: {
      type: 'number_input',
      action_id: ADMIN_SETTINGS_MODAL.actionId,
      is_decimal_allowed: false,
      min_value: String(limits.min),
      max_value: String(limits.max),
      placeholder: plain(`Default: ${defaultText}`),
      ...(value !== null ? { initial_value: String(value) } : {}),
    },
  } as KnownBlock;
}

function header(text: string): KnownBlock {
  return { type: 'header', text: plain(text) };
}

/** On or off for the private welcome in the daily-question channel; on is the default. */
function welcomeInput(welcome: boolean): KnownBlock {
  const choices = [option('Welcome them with a private note', 'on'), option('Say nothing', 'off')];
  return {
    type: 'input',
    block_id: ADMIN_SETTINGS_MODAL.blocks.welcomeNewMembers,
    // Optional like every field here: a choice left empty keeps the default (on).
    optional: true,
    label: plain('When someone joins the daily-question channel'),
    hint: plain(
      'Only they see the note: what Mockingbird does and a button to find a partner. Once per person a day.',
    ),
    element: {
      type: 'radio_buttons',
      action_id: ADMIN_SETTINGS_MODAL.actionId,
      options: choices,
      initial_option: welcome ? choices[0] : choices[1],
    },
  } as KnownBlock;
}

/** `/mock admin`: who organizes, how matching behaves, and what sessions start with. */
export function adminSettingsModal({ settings, defaults }: AdminSettingsModalInput): ModalView {
  const ids = ADMIN_SETTINGS_MODAL.blocks;
  const limits = SETTINGS_LIMITS;
  const durationOptions = DURATIONS.map((minutes) => option(`${minutes} minutes`, String(minutes)));
  // A saved offset the menu does not list (set from the configuration's units) is still offered.
  const reminderMinutes = [
    ...new Set([...REMINDER_CHOICES_MINUTES, ...settings.reminderOffsetsMinutes]),
  ].sort((a, b) => a - b);
  const reminderOptions = reminderMinutes.map((minutes) =>
    option(`${minutesLabel(minutes)} before`, String(minutes)),
  );
  const chosenReminders = reminderOptions.filter((each) =>
    settings.reminderOffsetsMinutes.includes(Number(each.value)),
  );
  const duration = durationOptions.find((each) => Number(each.value) === settings.defaultDurationMinutes);

  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: 'These settings are for this workspace only. Leave a field empty to keep Mockingbird’s default, shown in grey; a change applies to matches and sessions from now on.',
      },
    },
    header('Organizers'),
    {
      type: 'input',
      block_id: ids.organizers,
      optional: true,
      label: plain('More organizers'),
      hint: plain(
        'Workspace admins and owners are always organizers. Members added here may open these settings and the daily question.',
      ),
      element: {
        type: 'multi_users_select',
        action_id: ADMIN_SETTINGS_MODAL.actionId,
        max_selected_items: limits.maxOrganizers,
        placeholder: plain('Pick members'),
        ...(settings.organizerSlackIds.length > 0 ? { initial_users: settings.organizerSlackIds } : {}),
      },
    } as KnownBlock,
    header('Matching'),
    numberInput(
      ids.maxLevelDistance,
      'Level distance',
      limits.maxLevelDistance,
      settings.maxLevelDistance,
      String(defaults.maxLevelDistance),
      'How many levels apart partners may be: 0 pairs the same level only, 1 also PM with Senior, 3 anyone.',
    ),
    numberInput(
      ids.cooldownDays,
      'Cooldown (days)',
      limits.cooldownDays,
      settings.cooldownDays,
      `${defaults.cooldownDays} days`,
      'Two members who practised together are not paired again for this many days.',
    ),
    numberInput(
      ids.sweepIntervalMinutes,
      'Sweep every (minutes)',
      limits.sweepIntervalMinutes,
      settings.sweepIntervalMinutes,
      minutesLabel(defaults.sweepIntervalMinutes),
      'New requests are tried at once; the sweep re-matches everyone still waiting this often.',
    ),
    numberInput(
      ids.horizonDays,
      'Look ahead (days)',
      limits.horizonDays,
      settings.horizonDays,
      `${defaults.horizonDays} days`,
      'Matching only proposes times within this many days.',
    ),
    header('Sessions'),
    {
      type: 'input',
      block_id: ids.defaultDurationMinutes,
      optional: true,
      label: plain('Default length of a new request'),
      hint: plain('Members can still pick another length; their last choice wins next time.'),
      element: {
        type: 'static_select',
        action_id: ADMIN_SETTINGS_MODAL.actionId,
        options: durationOptions,
        placeholder: plain(`Default: ${defaults.defaultDurationMinutes} minutes`),
        ...(duration ? { initial_option: duration } : {}),
      },
    } as KnownBlock,
    {
      type: 'input',
      block_id: ids.reminderOffsetsMinutes,
      optional: true,
      label: plain('Reminders before a confirmed session'),
      hint: plain(`Up to ${limits.reminderOffsetsMinutes.count}, in the pair’s conversation.`),
      element: {
        type: 'multi_static_select',
        action_id: ADMIN_SETTINGS_MODAL.actionId,
        options: reminderOptions,
        max_selected_items: limits.reminderOffsetsMinutes.count,
        placeholder: plain(`Default: ${listLabel(defaults.reminderOffsetsMinutes)} before`),
        ...(chosenReminders.length > 0 ? { initial_options: chosenReminders } : {}),
      },
    } as KnownBlock,
    numberInput(
      ids.confirmNudgeHours,
      'Nudge an unconfirmed proposal after (hours)',
      limits.confirmNudgeHours,
      settings.confirmNudgeHours,
      minutesLabel(defaults.confirmNudgeHours * 60),
      'Whoever has not confirmed the proposed time is reminded once.',
    ),
    numberInput(
      ids.releaseHours,
      'Release it after (hours)',
      limits.releaseHours,
      settings.releaseHours,
      minutesLabel(defaults.releaseHours * 60),
      'Still unconfirmed by then (or by its start), both go back into the pool with priority.',
    ),
    header('Practice channel'),
    welcomeInput(settings.welcomeNewMembers),
    { type: 'divider' },
    {
      type: 'section',
      block_id: ADMIN_SETTINGS_MODAL.dailyBlock,
      text: {
        type: 'mrkdwn',
        text: '*Daily question*\nThe channel, time and interview types of the daily practice question have their own form.',
      },
      accessory: {
        type: 'button',
        action_id: ADMIN_SETTINGS_ACTIONS.openDaily,
        text: plain('Daily question…'),
      },
    },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Also at `/mock admin daily`.' }],
    },
  ];
  return {
    type: 'modal',
    callback_id: ADMIN_SETTINGS_MODAL.callbackId,
    title: plain('Organizer settings'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks,
  };
}

/** The modal after a save: what is now in force, with the defaults named as such. */
export function adminSettingsSavedModal(settings: WorkspaceSettings, defaults: SettingsDefaults): ModalView {
  const chosen = (value: number | null, fallback: number, show: (n: number) => string) =>
    value !== null ? show(value) : `${show(fallback)} (default)`;
  const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
  const reminders =
    settings.reminderOffsetsMinutes.length > 0
      ? listLabel(settings.reminderOffsetsMinutes)
      : `${listLabel(defaults.reminderOffsetsMinutes)} (default)`;
  const organizers =
    settings.organizerSlackIds.length > 0
      ? settings.organizerSlackIds.map((id) => `<@${id}>`).join(', ')
      : 'none besides admins and owners';
  const lines = [
    '*Saved.* From now on:',
    `• Organizers: admins and owners, and ${organizers}`,
    `• Level distance: ${chosen(settings.maxLevelDistance, defaults.maxLevelDistance, String)}`,
    `• Cooldown: ${chosen(settings.cooldownDays, defaults.cooldownDays, days)}`,
    `• Sweep every ${chosen(settings.sweepIntervalMinutes, defaults.sweepIntervalMinutes, minutesLabel)}`,
    `• Look ahead: ${chosen(settings.horizonDays, defaults.horizonDays, days)}`,
    `• New requests last ${chosen(settings.defaultDurationMinutes, defaults.defaultDurationMinutes, (n) => `${n} minutes`)}`,
    `• Reminders: ${reminders} before`,
    `• Unconfirmed proposals: nudged after ${chosen(settings.confirmNudgeHours, defaults.confirmNudgeHours, (n) => minutesLabel(n * 60))}, released after ${chosen(settings.releaseHours, defaults.releaseHours, (n) => minutesLabel(n * 60))}`,
    `• Newcomers to the daily-question channel: ${settings.welcomeNewMembers ? 'welcomed privately' : 'not welcomed'}`,
    'Sessions already planned keep the reminders they were given.',
  ];
  return {
    type: 'modal',
    title: plain('Organizer settings'),
    close: plain('Done'),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } }],
  };
}
