import type { AppDeps } from '../app-deps.ts';
import { changeSession } from './change-session.ts';

/** A member cancels a session (its button, or `/mock cancel`); the answer is in their words. */
export async function cancelSessionFor(
  deps: Pick<AppDeps, 'db' | 'config' | 'now'>,
  sessionId: string,
  slackUserId: string,
): Promise<{ text: string }> {
  const change = await changeSession(deps, sessionId, { kind: 'cancel', slackUserId });
  if (change.kind === 'refused') return { text: change.message };
  return { text: 'Cancelled. Your partner is told and keeps their place at the front of the queue.' };
}
