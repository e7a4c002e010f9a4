import type { AppDeps } from '../app-deps.ts';
import {
  decideSessionChange,
  REFUSAL_MESSAGES,
  type SessionDecision,
  type SessionEvent,
} from '../domain/sessions/session-lifecycle.ts';
import { sessionTimingFor } from '../domain/workspace-settings.ts';
import { metrics } from '../observability/metrics.ts';
import { lockSession, saveSessionState } from '../store/session-changes.ts';
import { findWorkspaceSettings } from '../store/workspace-settings.ts';
import { writeFollowUps } from './outbox.ts';
import { sessionEffectEntries } from './session-effects.ts';

/** What happened, as the caller knows it: a member by their Slack id, or the clock for a job. */
export type SessionChangeRequest =
  | { kind: 'pick-slot'; slackUserId: string; version: number; slot: number }
  | { kind: 'reschedule' | 'cancel' | 'no-show'; slackUserId: string }
  | { kind: 'release' | 'check-in'; version: number }
  | { kind: 'member-erased'; memberId: string };

export type SessionChangeResult = SessionDecision & { workspaceId?: string };

/**
 * The one way a session changes, for buttons, commands and jobs alike: lock the row, let the
 * lifecycle decide, write the new state and its follow-ups (the outbox) in one transaction.
 * After the commit nothing is left to do here: the relay queues the follow-ups, which tell the
 * members.
 */
export async function changeSession(
  deps: Pick<AppDeps, 'db' | 'config' | 'now'>,
  sessionId: string,
  request: SessionChangeRequest,
): Promise<SessionChangeResult> {
  const now = deps.now();
  const result = await deps.db.$transaction(async (tx): Promise<SessionChangeResult> => {
    const locked = await lockSession(tx, sessionId);
    if (!locked) return { kind: 'refused', reason: 'changed', message: REFUSAL_MESSAGES.changed };
    const settings = await findWorkspaceSettings(tx, locked.workspaceId);
    const timing = sessionTimingFor(deps.config.sessions, settings);
    const decision = decideSessionChange(
      locked.state,
      toEvent(request, locked.memberBySlackUser),
      now.getTime(),
      timing,
    );
    if (decision.kind === 'refused') return decision;
    await saveSessionState(tx, locked.state, decision.session);
    const entries = await sessionEffectEntries(
      tx,
      { ...decision.session, workspaceId: locked.workspaceId },
      decision.effects,
      { now, requestTtlMs: deps.config.matching.requestTtlMs },
    );
    await writeFollowUps(tx, entries);
    return { ...decision, workspaceId: locked.workspaceId };
  });
  if (result.kind === 'changed') metrics.sessions.inc({ event: result.outcome });
  return result;
}

function toEvent(request: SessionChangeRequest, memberBySlackUser: Map<string, string>): SessionEvent {
  switch (request.kind) {
    case 'pick-slot':
      return {
        kind: 'pick-slot',
        by: memberBySlackUser.get(request.slackUserId) ?? null,
        version: request.version,
        slot: request.slot,
      };
    case 'reschedule':
    case 'cancel':
    case 'no-show':
      return { kind: request.kind, by: memberBySlackUser.get(request.slackUserId) ?? null };
    case 'release':
    case 'check-in':
      return { kind: request.kind, version: request.version };
    case 'member-erased':
      return request;
  }
}
