import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isScalar, isSeq, parse, parseDocument } from 'yaml';
import { BOT_SCOPES } from '../../src/slack/bot-scopes.ts';
import { SHORTCUTS } from '../../src/slack/shortcuts/shortcut-ids.ts';
import { manifestSchemaErrorObjects, manifestSchemaErrors } from '../harness/slack-manifest-schema.ts';

/**
 * manifest.yml is how a workspace gets Mockingbird in one step, so it must be a manifest Slack
 * accepts (checked against Slack's published JSON Schema) and it must give the app exactly what
 * the product needs: the /mock command, the events it handles, and the least scopes that work.
 */

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const manifestPath = join(repoRoot, 'manifest.yml');

interface SlashCommand {
  command: string;
  url?: string;
  description: string;
  usage_hint?: string;
  should_escape?: boolean;
}

interface Manifest {
  display_information: { name: string; description?: string };
  features?: {
    app_home?: {
      home_tab_enabled?: boolean;
      messages_tab_enabled?: boolean;
      messages_tab_read_only_enabled?: boolean;
    };
    bot_user?: { display_name: string; always_online?: boolean };
    slash_commands?: SlashCommand[];
    shortcuts?: Array<{ name: string; type: 'global' | 'message'; callback_id: string; description: string }>;
  };
  oauth_config?: {
    redirect_urls?: string[];
    scopes?: { bot?: string[]; user?: string[] };
  };
  settings?: {
    event_subscriptions?: { request_url?: string; bot_events?: string[]; user_events?: string[] };
    interactivity?: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled?: boolean;
    socket_mode_enabled?: boolean;
    token_rotation_enabled?: boolean;
  };
}

const manifestText = readFileSync(manifestPath, 'utf8');
const manifest = parse(manifestText) as Manifest;

/** Every bot scope the product needs, and the reason; anything else must be argued for here first. */
const NEEDED_BOT_SCOPES: Record<string, string> = {
  commands: '/mock',
  'chat:write': 'intros, prompts, reminders, feedback DMs, daily questions',
  'im:write': 'conversations.open for a member DM',
  'mpim:write': 'conversations.open for the pair group DM',
  'users:read': 'users.info → tz (and admin flags)',
  'files:write': 'the .ics calendar file',
  'channels:join': 'joining the daily-question channel',
  'channels:read': 'member_joined_channel in a public daily-question channel (the welcome)',
  'groups:read': 'member_joined_channel in a private daily-question channel (the welcome)',
  'im:history': 'finding a DM send whose worker died mid-call, instead of posting it twice',
  'mpim:history':
    'finding a group-DM reminder or intro whose worker died mid-call, instead of posting it twice',
};

/**
 * History scopes the app holds, each only for the conversations it posts into itself (the
 * manifest's comment weighs them); reading channels stays out.
 */
const NARROW_HISTORY_SCOPES = ['im:history', 'mpim:history'];

/** Scopes that reach far beyond what a pairing app needs: reading conversations, emails, admin. */
const FORBIDDEN_SCOPES = [
  'admin',
  'channels:history',
  'groups:history',
  'users:read.email',
  'channels:manage',
  'groups:write',
  'chat:write.customize',
  'search:read',
  'files:read',
  'team:read',
];

const SUBCOMMANDS = [
  'help',
  'status',
  'cancel',
  'pause',
  'resume',
  'profile',
  'question',
  'stats',
  'forget-me',
  'admin',
];

const REQUIRED_BOT_EVENTS = ['app_home_opened', 'app_uninstalled', 'tokens_revoked', 'member_joined_channel'];

/**
 * Bot-token scopes of the Web API methods the code may call (Slack's method reference). A method
 * missing here fails the scan below on purpose: look its scope up, add it, and then the manifest.
 */
const METHOD_SCOPES: Record<string, readonly string[]> = {
  'auth.test': [],
  'apps.connections.open': [], // app-level token (connections:write), not a bot scope
  'oauth.v2.access': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.delete': ['chat:write'],
  'chat.scheduleMessage': ['chat:write'],
  'chat.deleteScheduledMessage': ['chat:write'],
  'chat.getPermalink': [],
  // The product opens both one-to-one DMs (im:write) and pair group DMs (mpim:write).
  'conversations.open': ['im:write', 'mpim:write'],
  'conversations.join': ['channels:join'],
  'conversations.info': ['channels:read'],
  'conversations.members': ['channels:read'],
  // Only in the app's own DMs and group DMs (src/slack/outbound/stamped-message-finder.ts).
  'conversations.history': ['im:history', 'mpim:history'],
  'conversations.replies': ['channels:history'],
  'files.uploadV2': ['files:write'],
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
  'users.info': ['users:read'],
  'users.list': ['users:read'],
  'users.lookupByEmail': ['users:read.email'],
  'team.info': ['team:read'],
  'views.open': [],
  'views.push': [],
  'views.update': [],
  'views.publish': [],
};

const WEB_API_CALL =
  /\.((?:admin|apps|assistant|auth|bookmarks|canvases|chat|conversations|dnd|emoji|files|oauth|pins|reactions|reminders|search|team|usergroups|users|views)(?:\.[A-Za-z0-9]+)+)\s*\(/g;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !relative(repoRoot, file).split('/').includes('generated'));
}

/** Web API methods called from src/ and jobs/, each with the first file that calls it. */
function calledWebApiMethods(): Map<string, string> {
  const calls = new Map<string, string>();
  // src/sandbox/ is the local stand-in for Slack (it answers the Web API, it does not call it).
  const appFiles = sourceFiles(join(repoRoot, 'src')).filter(
    (file) => !relative(repoRoot, file).startsWith(join('src', 'sandbox')),
  );
  for (const file of [...appFiles, ...sourceFiles(join(repoRoot, 'jobs'))]) {
    for (const match of readFileSync(file, 'utf8').matchAll(WEB_API_CALL)) {
      const method = match[1]!;
      if (!calls.has(method)) calls.set(method, relative(repoRoot, file));
    }
  }
  return calls;
}

const botScopes = manifest.oauth_config?.scopes?.bot ?? [];
const mockCommand = manifest.features?.slash_commands?.find((command) => command.command === '/mock');

describe("manifest.yml against Slack's manifest schema", () => {
  it('is a valid version 1 manifest', () => {
    expect(manifestSchemaErrors(manifest)).toEqual([]);
  });

  it.for([
    {
      name: 'without display_information.name',
      breakIt: (copy: Manifest) => {
        delete (copy.display_information as Partial<Manifest['display_information']>).name;
      },
      expected: { keyword: 'required', instancePath: '/display_information' },
    },
    {
      name: 'with a bot scope that is not a string',
      breakIt: (copy: Manifest) => {
        (copy.oauth_config!.scopes!.bot as unknown[]).push(42);
      },
      expected: { keyword: 'type', instancePath: `/oauth_config/scopes/bot/${botScopes.length}` },
    },
    {
      name: 'with a slash command that does not start with /',
      breakIt: (copy: Manifest) => {
        copy.features!.slash_commands![0]!.command = 'mock';
      },
      expected: { keyword: 'pattern', instancePath: '/features/slash_commands/0/command' },
    },
    {
      name: 'with a shortcut name longer than Slack shows',
      breakIt: (copy: Manifest) => {
        copy.features!.shortcuts![0]!.name = 'Find me a practice partner now';
      },
      expected: { keyword: 'maxLength', instancePath: '/features/shortcuts/0/name' },
    },
    {
      name: 'with a setting Slack does not know',
      breakIt: (copy: Manifest) => {
        (copy.settings as Record<string, unknown>).socket_mode = true;
      },
      expected: { keyword: 'additionalProperties', instancePath: '/settings' },
    },
  ])('rejects a copy $name', ({ breakIt, expected }) => {
    const copy = structuredClone(manifest);
    breakIt(copy);
    const errors = manifestSchemaErrorObjects(copy);
    expect(errors).toContainEqual(expect.objectContaining(expected));
  });
});

describe('manifest.yml gives Mockingbird what the product needs', () => {
  it('names the app and its bot user', () => {
    expect(manifest.display_information.name).toBe('Mockingbird');
    expect(manifest.display_information.description).toBeTruthy();
    expect(manifest.features?.bot_user).toEqual({ display_name: 'mockingbird', always_online: true });
  });

  it('registers /mock with a usage hint naming every subcommand', () => {
    expect(mockCommand, 'the /mock slash command').toBeDefined();
    const hintWords = mockCommand!.usage_hint?.split(/[^a-z-]+/) ?? [];
    const missing = SUBCOMMANDS.filter((subcommand) => !hintWords.includes(subcommand));
    expect(missing, 'subcommands missing from the usage hint').toEqual([]);
    // The quick path's words, length included, as help spells them.
    expect(mockCommand!.usage_hint).toContain('[30min|45min|60min]');
    expect(mockCommand!.should_escape).toBe(false);
  });

  it('declares the shortcuts the app listens for, under the ids its listeners use', () => {
    const declared = (manifest.features?.shortcuts ?? []).map(({ type, callback_id }) => ({
      type,
      callback_id,
    }));
    expect(declared).toEqual([
      { type: 'global', callback_id: SHORTCUTS.findPartner },
      { type: 'message', callback_id: SHORTCUTS.practiseQuestion },
    ]);
  });

  it('enables the Home tab, a read-only Messages tab (nothing answers typed DMs) and interactivity', () => {
    expect(manifest.features?.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: true,
    });
    expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
  });

  it('subscribes to the events that render App Home and delete data on uninstall', () => {
    const events = manifest.settings?.event_subscriptions?.bot_events ?? [];
    expect(events).toEqual(expect.arrayContaining(REQUIRED_BOT_EVENTS));
    // The app reads history only to find its own interrupted sends; it listens to no conversation.
    expect(events.filter((event) => event.startsWith('message'))).toEqual([]);
    expect(manifest.settings?.event_subscriptions?.user_events ?? []).toEqual([]);
  });

  it('sends every request to the path Bolt listens on', () => {
    const urls = [
      mockCommand?.url,
      manifest.settings?.event_subscriptions?.request_url,
      manifest.settings?.interactivity?.request_url,
    ];
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
    }
    expect(manifest.oauth_config?.redirect_urls).toEqual([expect.stringMatching(/\/slack\/oauth_redirect$/)]);
  });

  it("ships in Socket Mode (the README's first path) with static tokens and no org-wide deployment", () => {
    expect(manifest.settings).toMatchObject({
      socket_mode_enabled: true,
      token_rotation_enabled: false,
      org_deploy_enabled: false,
    });
  });

  it('asks for exactly the bot scopes the product needs and no user scopes', () => {
    expect([...botScopes].sort()).toEqual(Object.keys(NEEDED_BOT_SCOPES).sort());
    expect(new Set(botScopes).size, 'no duplicate scopes').toBe(botScopes.length);
    expect(manifest.oauth_config?.scopes?.user ?? []).toEqual([]);
  });

  it('the OAuth install asks for the same bot scopes as the manifest', () => {
    expect([...BOT_SCOPES].sort()).toEqual([...botScopes].sort());
  });

  it('asks for no broad scope', () => {
    const broad = botScopes.filter(
      (scope) =>
        FORBIDDEN_SCOPES.includes(scope) ||
        scope.startsWith('admin') ||
        (scope.endsWith(':history') && !NARROW_HISTORY_SCOPES.includes(scope)),
    );
    expect(broad).toEqual([]);
  });

  it('justifies every bot scope with a comment beside it', () => {
    const document = parseDocument(manifestText);
    const scopes = document.getIn(['oauth_config', 'scopes', 'bot'], true);
    expect(isSeq(scopes)).toBe(true);
    if (!isSeq(scopes)) return;
    const unexplained = scopes.items
      .filter((item) => !isScalar(item) || !item.comment?.trim())
      .map((item) => (isScalar(item) ? String(item.value) : String(item)));
    expect(unexplained, 'scopes without a "# why" comment').toEqual([]);
  });

  it('grants the scope of every Web API method the code calls', () => {
    const problems: string[] = [];
    for (const [method, file] of calledWebApiMethods()) {
      const needed = METHOD_SCOPES[method];
      if (!needed) {
        problems.push(`${file} calls ${method}: add it to METHOD_SCOPES with the bot scope Slack requires`);
        continue;
      }
      for (const scope of needed.filter((scope) => !botScopes.includes(scope))) {
        problems.push(`${file} calls ${method}, which needs ${scope}; manifest.yml does not grant it`);
      }
    }
    expect(problems).toEqual([]);
  });
});
