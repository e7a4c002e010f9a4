import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { ensureMember } from '../../store/members.ts';
import { skipWeeklyEntry } from '../../store/weekly-opt-in.ts';
import { respondSafely } from '../respond-safely.ts';
import { answerFor, buttonPressSchema, memberRefOf } from './home-answer.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

const weekSchema = z.string().regex(/^\d{4}-W\d{2}$/);

/** "Skip this week" on the weekly DM: that week's request is withdrawn; next week comes as usual. */
export function skipWeekButton(deps: AppDeps) {
  return async ({ ack, body, respond, client }: ActionArgs): Promise<void> => {
    await ack();
    const press = buttonPressSchema.safeParse(body);
    if (!press.success) return;
    respondSafely(answerFor(respond, client, press.data.trigger_id), deps.logger, async () => {
      const week = weekSchema.safeParse(press.data.actions[0]!.value);
      if (!week.success)
        return {
          text: 'That button no longer matches a week; `/mock weekly skip` skips this one.',
          blocks: [],
        };
      const member = await ensureMember(deps.db, memberRefOf(press.data));
      const withdrawn = await skipWeeklyEntry(deps.db, member.id, week.data, deps.now());
      const text = withdrawn
        ? 'Skipped: this week’s request is withdrawn. You are back in next week.'
        : 'Skipped this week. You are back in next week.';
      return { text, blocks: [], replace_original: false };
    });
  };
}
