import { type AppShortcuts, appShortcuts } from '../client/app-shortcuts.ts';
import { CHANNELS, demoMember, MEMBERS } from '../community/demo-community.ts';
import type { Community } from '../sandbox.ts';
import type { Json, RecordedUpload, SlackMessage } from '../slack-stand-in/types.ts';
import { mimeTypeOf } from '../slack-stand-in/web-api/files.ts';
import type { Upcoming } from '../time-travel.ts';

/**
 * What one member's screen holds right now, read from the community: who they are, their
 * conversations, the open conversation's messages (theirs to see, ephemeral ones included), their
 * top modal and their Home tab. render-page.ts turns it into HTML.
 */

export interface Person {
  id: string;
  name: string;
  displayName: string;
  city: string;
  tz: string;
  organizer: boolean;
}

export interface ConversationEntry {
  id: string;
  kind: 'app' | 'channel' | 'group';
  name: string;
  latestTs: string;
}

export interface ShownMessage {
  kind: 'message' | 'ephemeral' | 'echo';
  /** The message ts, or the ephemeral message's id. */
  key: string;
  ts: string;
  text: string;
  blocks?: unknown;
  edited: boolean;
  files: ShownFile[];
}

/** A shared file as Slack shows it: an image inline (with its alt text), anything else as a card. */
export interface ShownFile {
  name: string;
  title: string;
  size: number;
  image?: { src: string; alt: string };
}

export interface PageModel {
  viewer: Person;
  people: Person[];
  nowMs: number;
  offsetMs: number;
  /** `home`, the app's DM (Messages tab), a channel or a group DM. */
  open: { id: string; kind: 'home' | 'app' | 'channel' | 'group'; name: string };
  appDm: string;
  conversations: ConversationEntry[];
  messages: ShownMessage[];
  home: Json | undefined;
  modal: { view: Json; depth: number } | undefined;
  upcoming: Upcoming[];
  fault: { kind: string; until: number } | undefined;
  channels: Array<{ id: string; name: string }>;
  /** The app's shortcuts, for the composer's shortcut menu and each message's "More actions". */
  shortcuts: AppShortcuts;
}

export function person(community: Community, id: string): Person {
  const user = community.slack.user(id);
  const demo = demoMember(id);
  return {
    id,
    name: user.real_name,
    displayName: user.profile.display_name || user.real_name,
    city: demo?.city ?? user.tz,
    tz: user.tz,
    organizer: demo?.organizer === true,
  };
}

export async function buildPageModel(community: Community, as: string, open: string): Promise<PageModel> {
  const { slack, surfaces, clock } = community;
  const viewerId = demoMember(as) ? as : MEMBERS[0]!.id;
  const viewer = person(community, viewerId);
  const appDm = slack.openConversation([viewerId]);
  const uploads = slack.uploads;
  const latest = (channel: string): string => {
    const times = [
      ...slack.messagesIn(channel).map((message) => message.ts),
      ...surfaces.ephemeralsFor(viewerId, channel).map((message) => message.ts),
    ];
    return times.sort(compareTs).at(-1) ?? '';
  };
  const groups = slack
    .directConversations()
    .filter((dm) => dm.users.length > 1 && dm.users.includes(viewerId))
    .map((dm) => ({
      id: dm.id,
      kind: 'group' as const,
      name: dm.users
        .filter((user) => user !== viewerId)
        .map((user) => person(community, user).displayName)
        .join(', '),
      latestTs: latest(dm.id),
    }))
    .filter((dm) => dm.latestTs !== '')
    .sort((a, b) => compareTs(b.latestTs, a.latestTs));
  const conversations: ConversationEntry[] = [
    { id: appDm, kind: 'app', name: 'Mockingbird', latestTs: latest(appDm) },
    ...CHANNELS.map((channel) => ({
      id: channel.id,
      kind: 'channel' as const,
      name: channel.name,
      latestTs: latest(channel.id),
    })),
    ...groups,
  ];
  const chosen =
    open === 'home'
      ? { id: 'home', kind: 'home' as const, name: 'Mockingbird' }
      : (() => {
          const entry =
            conversations.find((each) => each.id === (open === 'dm' ? appDm : open)) ?? conversations[0]!;
          return { id: entry.id, kind: entry.kind, name: entry.name };
        })();
  const messages = chosen.kind === 'home' ? [] : shownMessages(community, viewerId, chosen.id, uploads);
  const stack = surfaces.modalStack(viewerId);
  const top = stack.at(-1);
  const view = top ? slack.view(top) : undefined;
  return {
    viewer,
    people: MEMBERS.map((member) => person(community, member.id)),
    nowMs: clock.nowMs(),
    offsetMs: clock.offsetMs,
    open: chosen,
    appDm,
    conversations,
    messages,
    home: slack.homeView(viewerId),
    modal: view ? { view, depth: stack.length } : undefined,
    upcoming: await community.timeTravel.upcoming(6, false).catch(() => []),
    fault: community.faultUntil && community.faultUntil.until > Date.now() ? community.faultUntil : undefined,
    channels: CHANNELS.map((channel) => ({ id: channel.id, name: channel.name })),
    shortcuts: appShortcuts(),
  };
}

function shownMessages(
  community: Community,
  viewerId: string,
  channel: string,
  uploads: RecordedUpload[],
): ShownMessage[] {
  const posted = community.slack.messagesIn(channel).map(
    (message: SlackMessage): ShownMessage => ({
      kind: 'message',
      key: message.ts,
      ts: message.ts,
      text: message.text,
      blocks: message.blocks,
      edited: message.edited !== undefined,
      files: [],
    }),
  );
  // Files shared in the conversation show as the message Slack makes of them.
  const files = uploads
    .filter((upload) => upload.completed && upload.channelId === channel)
    .map(
      (upload, index): ShownMessage => ({
        kind: 'message',
        key: `file-${upload.fileId}`,
        ts: posted.at(-1)?.ts ?? `0.${index}`,
        text: upload.initialComment ?? '',
        edited: false,
        files: [shownFile(upload)],
      }),
    );
  const ephemeral = community.surfaces.ephemeralsFor(viewerId, channel).map(
    (message): ShownMessage => ({
      kind: message.echo ? 'echo' : 'ephemeral',
      key: message.id,
      ts: message.ts,
      text: message.text,
      blocks: message.blocks,
      edited: false,
      files: [],
    }),
  );
  return [...posted, ...files, ...ephemeral].sort((a, b) => compareTs(a.ts, b.ts));
}

/** Where the page serves an uploaded file's bytes (page-server.ts). */
export function fileSrc(fileId: string): string {
  return `/files/${encodeURIComponent(fileId)}`;
}

export function shownFile(upload: RecordedUpload): ShownFile {
  const title = upload.title ?? upload.filename;
  const file = { name: upload.filename, title, size: upload.bytes?.length ?? 0 };
  if (!mimeTypeOf(upload.filename).startsWith('image/')) return file;
  // Slack reads the alt text to a screen reader; without one, the title is the next best thing.
  return { ...file, image: { src: fileSrc(upload.fileId), alt: upload.altText || title } };
}

/** Slack timestamps compare as numbers ("seconds.micros"). */
export function compareTs(a: string, b: string): number {
  const [as = '0', am = '0'] = a.split('.');
  const [bs = '0', bm = '0'] = b.split('.');
  return Number(as) - Number(bs) || Number(am) - Number(bm);
}
