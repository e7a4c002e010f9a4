import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { timeZoneChoice } from '../../domain/availability/time-zone-search.ts';
import { LEVELS } from '../../domain/matching/types.ts';
import {
  FOLLOW_SLACK_TIMEZONE,
  MAX_BLOCKED_USERS,
  type ProfileFormField,
} from '../../domain/profile-form.ts';
import type { MemberProfile } from '../../store/members.ts';
import { LEVEL_LABELS } from './labels.ts';

/** Ids shared by the builder, the submission listener and the timezone search. */
export const PROFILE_MODAL = {
  callbackId: 'profile',
  blocks: {
    timezone: 'timezone',
    level: 'level',
    meetingLink: 'meeting-link',
    usualTimes: 'usual-times',
    blockedUsers: 'blocked-users',
  } satisfies Record<ProfileFormField, string>,
  actionId: 'value',
  /** The timezone menu loads its options from the app (an external select), so it has its own id. */
  timezoneSearchActionId: 'timezone-search',
} as const;

export interface ProfileModalInput {
  profile: MemberProfile;
  blockedUsers: string[];
  now: number;
}

function option(text: string, value: string): PlainTextOption {
  return { text: { type: 'plain_text', text }, value };
}

/** The menu entry for "follow Slack", naming the zone it currently means. */
export function followSlackOption(slackZone: string | null): PlainTextOption {
  const text = slackZone
    ? `Use my Slack profile (${slackZone.replaceAll('_', ' ')})`
    : 'Use my Slack profile';
  return option(text.slice(0, 75), FOLLOW_SLACK_TIMEZONE);
}

/** `/mock profile`: the settings matching and scheduling use, each editable in place. */
export function profileModal({ profile, blockedUsers, now }: ProfileModalInput): ModalView {
  const ids = PROFILE_MODAL.blocks;
  const override = profile.timezoneOverride;
  const zone = override
    ? option(timeZoneChoice(override, now).label, override)
    : followSlackOption(profile.timezoneFromSlack);
  const levelOptions = LEVELS.map((level) => option(LEVEL_LABELS[level], level));
  const level = levelOptions.find((each) => each.value === profile.level);

  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: 'Mockingbird uses these to find you partners and to show you times. Only you see this page.',
      },
    },
    {
      type: 'input',
      block_id: ids.timezone,
      label: { type: 'plain_text', text: 'Timezone' },
      hint: { type: 'plain_text', text: 'Type a city or an offset, e.g. “Kolkata” or “+5:30”.' },
      element: {
        type: 'external_select',
        action_id: PROFILE_MODAL.timezoneSearchActionId,
        min_query_length: 0,
        initial_option: zone,
        placeholder: { type: 'plain_text', text: 'Search for a city' },
      },
    },
    {
      type: 'input',
      block_id: ids.level,
      optional: true,
      label: { type: 'plain_text', text: 'Level you are preparing for' },
      element: {
        type: 'static_select',
        action_id: PROFILE_MODAL.actionId,
        options: levelOptions,
        ...(level ? { initial_option: level } : {}),
      },
    },
    {
      type: 'input',
      block_id: ids.meetingLink,
      optional: true,
      label: { type: 'plain_text', text: 'Meeting link' },
      hint: {
        type: 'plain_text',
        text: 'Your Zoom, Meet or Teams room. Without one, sessions use a Slack huddle.',
      },
      element: {
        type: 'url_text_input',
        action_id: PROFILE_MODAL.actionId,
        ...(profile.meetingLink ? { initial_value: profile.meetingLink } : {}),
      },
    },
    {
      type: 'input',
      block_id: ids.usualTimes,
      optional: true,
      label: { type: 'plain_text', text: 'Usually free' },
      hint: {
        type: 'plain_text',
        text: 'On your own clock, e.g. “weekdays 18-21, sat 10-12”. `/mock <type>` and the request form start from these times.',
      },
      element: {
        type: 'plain_text_input',
        action_id: PROFILE_MODAL.actionId,
        max_length: 200,
        placeholder: { type: 'plain_text', text: 'weekdays 18-21' },
        ...(profile.usualTimes ? { initial_value: profile.usualTimes } : {}),
      },
    },
    {
      type: 'input',
      block_id: ids.blockedUsers,
      optional: true,
      label: { type: 'plain_text', text: 'Don’t match me with' },
      hint: {
        type: 'plain_text',
        text: 'Private: nobody is told, and you are simply never paired with them.',
      },
      element: {
        type: 'multi_users_select',
        action_id: PROFILE_MODAL.actionId,
        max_selected_items: MAX_BLOCKED_USERS,
        ...(blockedUsers.length > 0 ? { initial_users: blockedUsers } : {}),
      },
    },
  ];
  return {
    type: 'modal',
    callback_id: PROFILE_MODAL.callbackId,
    title: { type: 'plain_text', text: 'Your profile' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}
