import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { nextRunAfter } from '../../domain/daily-question/schedule.ts';
import { type DailySettingsField, readDailySettingsForm } from '../../domain/daily-question/settings-form.ts';
import { scheduleDailyQuestion } from '../../queue/daily-question-schedule.ts';
import { saveDailySettings } from '../../store/daily-question.ts';
import { ensureWorkspaceId } from '../../store/workspaces.ts';
import { DAILY_SETTINGS_MODAL, dailySettingsSavedModal } from '../blocks/daily-settings-modal.ts';
import { checkOrganizer, NOT_AN_ORGANIZER } from '../organizers.ts';
import { errorSummary } from '../respond-safely.ts';
import { slackTeamIdOf } from '../slack-team.ts';
import { dailySettingsStateSchema, dailySettingsValues } from './daily-settings-values.ts';
import { inlineError, saveFailedMessage, UNREADABLE_FORM } from './form-answers.ts';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const submissionSchema = z.object({
  team: z.object({ id: z.string().min(1) }).nullable(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  view: z.object({ state: dailySettingsStateSchema }),
});

/**
 * The daily-question settings' submit. The organizer check runs again here: a submission is just
 * an HTTP request, and the person may have lost the role since the modal opened. Saved before the
 * acknowledgement; the job scheduler is set after the save (a failure there is said, not hidden).
 */
export function submitDailySettings(deps: AppDeps) {
  return async ({ ack, body, client }: ViewArgs): Promise<void> => {
    const firstBlock = DAILY_SETTINGS_MODAL.blocks.channel;
    const submission = submissionSchema.safeParse(body);
    if (!submission.success) {
      deps.logger.warn(
        { issues: submission.error.issues.map((i) => i.path.join('.')) },
        'bad daily settings',
      );
      await ack(inlineError(firstBlock, UNREADABLE_FORM));
      return;
    }
    const { team, user, view } = submission.data;

    try {
      const organizer = await checkOrganizer(deps.config, client, user.id, {
        db: deps.db,
        slackTeamId: slackTeamIdOf({ team, user }),
      });
      if (!organizer.allowed) {
        await ack({ response_action: 'errors', errors: { [firstBlock]: NOT_AN_ORGANIZER } });
        return;
      }
      const form = readDailySettingsForm(dailySettingsValues(view.state), organizer.timezone);
      if (!form.ok) {
        await ack({ response_action: 'errors', errors: toBlockErrors(form.errors) });
        return;
      }
      const now = deps.now();
      const workspaceId = await ensureWorkspaceId(deps.db, slackTeamIdOf({ team, user }));
      const saved = await saveDailySettings(deps.db, workspaceId, form.value, { slackUserId: user.id, now });
      const scheduled = await scheduleDailyQuestion(deps.queues, saved).then(
        () => true,
        (error: unknown) => {
          deps.logger.warn({ err: errorSummary(error), workspaceId }, 'could not set the daily scheduler');
          return false;
        },
      );
      const next = saved.enabled ? nextRunAfter(saved, now.getTime()) : null;
      await ack({ response_action: 'update', view: dailySettingsSavedModal(saved, next, scheduled) });
    } catch (error) {
      await ack(inlineError(firstBlock, saveFailedMessage(deps.logger, error, 'daily settings')));
    }
  };
}

function toBlockErrors(errors: Partial<Record<DailySettingsField, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      DAILY_SETTINGS_MODAL.blocks[field as DailySettingsField],
      message,
    ]),
  );
}
