import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import {
  readWorkspaceSettingsForm,
  settingsDefaults,
  type WorkspaceSettingsField,
} from '../../domain/workspace-settings.ts';
import { saveWorkspaceSettings } from '../../store/workspace-settings.ts';
import { ensureWorkspaceId } from '../../store/workspaces.ts';
import { ADMIN_SETTINGS_MODAL, adminSettingsSavedModal } from '../blocks/admin-settings-modal.ts';
import { checkOrganizer, NOT_AN_ORGANIZER } from '../organizers.ts';
import { slackTeamIdOf } from '../slack-team.ts';
import { adminSettingsValues } from './admin-settings-values.ts';
import { inlineError, saveFailedMessage, UNREADABLE_FORM } from './form-answers.ts';
import { viewStateSchema } from './view-state.ts';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const submissionSchema = z.object({
  team: z.object({ id: z.string().min(1) }).nullable(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  view: z.object({ state: viewStateSchema }),
});

/**
 * The organizer settings' submit. The organizer check runs again here: a submission is just an
 * HTTP request, and the person may have lost the role since the modal opened. Saved before the
 * acknowledgement, so a database hiccup keeps the modal open with everything still in it.
 */
export function submitAdminSettings(deps: AppDeps) {
  return async ({ ack, body, client }: ViewArgs): Promise<void> => {
    const firstBlock = ADMIN_SETTINGS_MODAL.blocks.organizers;
    const submission = submissionSchema.safeParse(body);
    if (!submission.success) {
      deps.logger.warn(
        { issues: submission.error.issues.map((i) => i.path.join('.')) },
        'bad organizer settings',
      );
      await ack(inlineError(firstBlock, UNREADABLE_FORM));
      return;
    }
    const { team, user, view } = submission.data;
    const slackTeamId = slackTeamIdOf({ team, user });

    try {
      const organizer = await checkOrganizer(deps.config, client, user.id, { db: deps.db, slackTeamId });
      if (!organizer.allowed) {
        await ack({ response_action: 'errors', errors: { [firstBlock]: NOT_AN_ORGANIZER } });
        return;
      }
      const defaults = settingsDefaults(deps.config.sessions, deps.config.matching.sweepIntervalMs);
      const form = readWorkspaceSettingsForm(adminSettingsValues(view.state), defaults);
      if (!form.ok) {
        await ack({ response_action: 'errors', errors: toBlockErrors(form.errors) });
        return;
      }
      const workspaceId = await ensureWorkspaceId(deps.db, slackTeamId);
      const saved = await saveWorkspaceSettings(deps.db, workspaceId, form.value, { slackUserId: user.id });
      deps.logger.info({ workspaceId }, 'organizer settings saved');
      await ack({ response_action: 'update', view: adminSettingsSavedModal(saved, defaults) });
    } catch (error) {
      await ack(inlineError(firstBlock, saveFailedMessage(deps.logger, error, 'organizer settings')));
    }
  };
}

function toBlockErrors(errors: Partial<Record<WorkspaceSettingsField, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      ADMIN_SETTINGS_MODAL.blocks[field as WorkspaceSettingsField],
      message,
    ]),
  );
}
