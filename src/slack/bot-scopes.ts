/**
 * The bot scopes the OAuth install asks for. They must equal manifest.yml's
 * oauth_config.scopes.bot (test/unit/manifest.test.ts checks), which explains each one.
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'im:write',
  'mpim:write',
  'users:read',
  'files:write',
  'channels:join',
  // Only for the member_joined_channel event (public and private channels): the channel welcome.
  'channels:read',
  'groups:read',
  // Only to find a keyed send whose worker died mid-call (src/slack/outbound/stamped-message-finder.ts).
  'im:history',
  'mpim:history',
] as const;
