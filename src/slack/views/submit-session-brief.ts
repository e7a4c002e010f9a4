import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { readSessionBrief, type SessionBriefField } from '../../domain/sessions/session-brief.ts';
import { shareSessionBrief } from '../../workflows/share-session-brief.ts';
import { noticeModal } from '../blocks/feedback-notice-modal.ts';
import { SESSION_BRIEF } from '../blocks/session-brief.ts';
import { inlineError, saveFailedMessage, UNREADABLE_FORM } from './form-answers.ts';
import { viewInput, viewStateSchema } from './view-state.ts';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const submissionSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  view: z.object({ state: viewStateSchema, private_metadata: z.uuid() }),
});

/** The brief's submit: checked inline, saved with its delivery (the outbox) before the ack. */
export function submitSessionBrief(deps: AppDeps) {
  return async ({ ack, body }: ViewArgs): Promise<void> => {
    const ids = SESSION_BRIEF.blocks;
    const submission = submissionSchema.safeParse(body);
    if (!submission.success) {
      await ack(inlineError(ids.level, UNREADABLE_FORM));
      return;
    }
    const { user, view } = submission.data;
    const form = readSessionBrief({
      company: viewInput(view.state, ids.company).text,
      level: viewInput(view.state, ids.level).selected,
      focus: viewInput(view.state, ids.focus).text,
      mode: viewInput(view.state, ids.mode).selected,
    });
    if (!form.ok) {
      const errors = Object.entries(form.errors).map(([field, message]) => [
        ids[field as SessionBriefField],
        message,
      ]);
      await ack({ response_action: 'errors', errors: Object.fromEntries(errors) });
      return;
    }
    try {
      const shared = await shareSessionBrief(deps, {
        sessionId: view.private_metadata,
        slackUserId: user.id,
        brief: form.value,
      });
      const text =
        shared.kind === 'shared'
          ? `Sent: <@${shared.interviewerSlackUserId}> gets it in a private message, beside the prompt they will ask you.`
          : 'There is no interviewer of yours in this session, or it is already over.';
      await ack({ response_action: 'update', view: noticeModal('Brief your interviewer', text) });
    } catch (error) {
      await ack(inlineError(ids.level, saveFailedMessage(deps.logger, error, 'a brief')));
    }
  };
}
