/**
 * views.open, views.push, views.update and views.publish: views are checked against Slack's
 * limits, stored with a hash, and opened only with a fresh, unused trigger_id.
 */
import { randomBytes } from 'node:crypto';
import { LIMITS } from '../limits.ts';
import { SlackApiError } from '../slack-api-error.ts';
import type { Json } from '../types.ts';
import type { ViewRecord, Workspace } from '../workspace/workspace.ts';
import { requireUser } from './lookups.ts';
import { type CallContext, type MethodEnv, type MethodTable, objectArg, stringArg } from './method.ts';

export function viewMethods({ workspace }: MethodEnv): MethodTable {
  // views.open and views.push differ in where Slack shows the view, not in what it checks.
  const openView = ({ args }: CallContext): Json => {
    const view = checkView(args);
    useTrigger(workspace, args);
    return { ok: true, view: storeView(workspace, view) };
  };
  return [
    ['views.open', { auth: 'token', run: openView }],
    ['views.push', { auth: 'token', run: openView }],
    [
      'views.update',
      {
        auth: 'token',
        run: ({ args }) => {
          const { views } = workspace.world;
          const view = checkView(args);
          const viewId = stringArg(args, 'view_id');
          const externalId = stringArg(args, 'external_id');
          if (!viewId && !externalId) throw invalidArguments('[ERROR] view_id or external_id is required');
          const existing = viewId
            ? views.get(viewId)
            : [...views.values()].find((candidate) => candidate.external_id === externalId);
          if (!existing && !viewId) throw new SlackApiError('not_found');
          checkHash(existing, args);
          // An id the fake never issued came from a hand-built payload: adopt it.
          const base = existing ?? ({ id: viewId!, hash: '', root_view_id: viewId! } as ViewRecord);
          return { ok: true, view: storeView(workspace, view, base) };
        },
      },
    ],
    [
      'views.publish',
      {
        auth: 'token',
        run: ({ args }) => {
          const userId = requireUser(workspace, args, 'user_id');
          const view = checkView(args);
          const existing = [...workspace.world.views.values()].find(
            (candidate) => candidate.type === 'home' && candidate.published_for === userId,
          );
          checkHash(existing, args);
          const record = storeView(workspace, { ...view, type: 'home' }, existing, { published_for: userId });
          const { published_for: _publishedFor, ...published } = record;
          return { ok: true, view: published };
        },
      },
    ],
  ];
}

function invalidArguments(message: string): SlackApiError {
  return new SlackApiError('invalid_arguments', { response_metadata: { messages: [message] } });
}

function checkView(args: Json): Json {
  const view = objectArg(args, 'view');
  if (!view) throw invalidArguments('[ERROR] missing required field: view');
  const problems: string[] = [];
  const title = (view.title as { text?: unknown } | undefined)?.text;
  if (typeof title === 'string' && title.length > LIMITS.viewTitle) {
    problems.push(
      `[ERROR] must be less than ${LIMITS.viewTitle + 1} characters [json-pointer:/view/title/text]`,
    );
  }
  if (Array.isArray(view.blocks) && view.blocks.length > LIMITS.viewBlocks) {
    problems.push(`[ERROR] no more than ${LIMITS.viewBlocks} items allowed [json-pointer:/view/blocks]`);
  }
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > LIMITS.privateMetadata) {
    problems.push(
      `[ERROR] must be less than ${LIMITS.privateMetadata + 1} characters [json-pointer:/view/private_metadata]`,
    );
  }
  if (problems.length > 0)
    throw new SlackApiError('invalid_arguments', { response_metadata: { messages: problems } });
  return view;
}

/** A `hash` argument must match the stored view's, so that a stale update loses. */
function checkHash(existing: ViewRecord | undefined, args: Json): void {
  const hash = stringArg(args, 'hash');
  if (existing && hash && hash !== existing.hash) throw new SlackApiError('hash_conflict');
}

function useTrigger(workspace: Workspace, args: Json): void {
  const triggerId = stringArg(args, 'trigger_id');
  if (!triggerId) throw invalidArguments('[ERROR] missing required field: trigger_id');
  const trigger = workspace.world.triggers.get(triggerId);
  // A trigger the fake did not mint (a hand-written payload) is taken on trust.
  if (!trigger) return;
  if (trigger.used) throw new SlackApiError('exchanged_trigger_id');
  if (performance.now() - trigger.mintedAt > workspace.identity.triggerTtlMs)
    throw new SlackApiError('expired_trigger_id');
  trigger.used = true;
}

export function storeView(
  workspace: Workspace,
  view: Json,
  existing?: ViewRecord,
  extra: Json = {},
): ViewRecord {
  const { teamId, appId, botId } = workspace.identity;
  const id = existing?.id ?? workspace.nextId('V');
  const record: ViewRecord = {
    id,
    team_id: teamId,
    type: view.type ?? 'modal',
    blocks: view.blocks ?? [],
    private_metadata: view.private_metadata ?? '',
    callback_id: view.callback_id ?? '',
    state: { values: {} },
    hash: `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
    title: view.title,
    clear_on_close: view.clear_on_close ?? false,
    notify_on_close: view.notify_on_close ?? false,
    close: view.close ?? null,
    submit: view.submit ?? null,
    previous_view_id: null,
    root_view_id: existing?.root_view_id ?? id,
    app_id: appId,
    external_id: view.external_id ?? existing?.external_id ?? '',
    app_installed_team_id: teamId,
    bot_id: botId,
    ...extra,
  };
  workspace.world.views.set(id, record);
  return record;
}
