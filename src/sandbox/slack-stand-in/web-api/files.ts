/**
 * Slack's two-step upload: files.getUploadURLExternal announces a file and hands out an upload URL
 * (served by routes.ts), files.completeUploadExternal shares the uploaded bytes.
 */
import { SlackApiError } from '../slack-api-error.ts';
import type { Json, RecordedUpload } from '../types.ts';
import type { Identity } from '../workspace/workspace.ts';
import { postableChannel } from './lookups.ts';
import { listArg, type MethodEnv, type MethodTable, stringArg } from './method.ts';

export function fileMethods({ workspace, notify }: MethodEnv): MethodTable {
  return [
    [
      'files.getUploadURLExternal',
      {
        auth: 'token',
        run: ({ args }) => {
          const filename = stringArg(args, 'filename');
          const length = Number(stringArg(args, 'length'));
          if (!filename || !Number.isInteger(length) || length < 0) {
            throw new SlackApiError('invalid_arguments', {
              response_metadata: { messages: ['[ERROR] missing required fields: filename, length'] },
            });
          }
          const fileId = workspace.nextId('F');
          workspace.world.uploads.set(fileId, {
            fileId,
            filename,
            declaredLength: length,
            altText: stringArg(args, 'alt_text'),
            bytes: undefined,
            completed: false,
            title: undefined,
            channelId: undefined,
            initialComment: undefined,
            threadTs: undefined,
          });
          return { ok: true, upload_url: `${workspace.identity.url}/upload/v1/${fileId}`, file_id: fileId };
        },
      },
    ],
    [
      'files.completeUploadExternal',
      {
        auth: 'token',
        run: ({ args }) => {
          const files = listArg(args, 'files');
          if (!files || files.length === 0) throw new SlackApiError('invalid_arguments');
          const channelId = stringArg(args, 'channel_id') ?? stringArg(args, 'channels');
          if (channelId) postableChannel(workspace, { channel: channelId });
          const completed = files.map((entry) => {
            const { id, title } = (entry ?? {}) as { id?: string; title?: string };
            const upload = id ? workspace.world.uploads.get(id) : undefined;
            if (!upload || upload.bytes === undefined) throw new SlackApiError('file_not_found');
            Object.assign(upload, {
              completed: true,
              title: title ?? upload.filename,
              channelId,
              initialComment: stringArg(args, 'initial_comment'),
              threadTs: stringArg(args, 'thread_ts'),
            });
            return fileObject(workspace.identity, upload);
          });
          notify();
          return { ok: true, files: completed };
        },
      },
    ],
  ];
}

const MIME_TYPES: Record<string, string> = {
  ics: 'text/calendar',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
};

function extensionOf(filename: string): string {
  return filename.includes('.') ? filename.split('.').at(-1)!.toLowerCase() : 'text';
}

/** The mimetype Slack gives a file, from its name's extension as Slack infers it. */
export function mimeTypeOf(filename: string): string {
  return MIME_TYPES[extensionOf(filename)] ?? 'application/octet-stream';
}

function fileObject(identity: Identity, upload: RecordedUpload): Json {
  const { teamId, teamDomain, botUserId } = identity;
  const extension = extensionOf(upload.filename);
  return {
    id: upload.fileId,
    created: Math.floor(identity.now() / 1000),
    timestamp: Math.floor(identity.now() / 1000),
    name: upload.filename,
    title: upload.title ?? upload.filename,
    mimetype: mimeTypeOf(upload.filename),
    filetype: extension,
    user: botUserId,
    user_team: teamId,
    size: upload.bytes?.length ?? 0,
    url_private: `https://files.slack.com/files-pri/${teamId}-${upload.fileId}/${upload.filename}`,
    permalink: `https://${teamDomain}.slack.com/files/${botUserId}/${upload.fileId}/${upload.filename}`,
    channels: upload.channelId ? [upload.channelId] : [],
  };
}
