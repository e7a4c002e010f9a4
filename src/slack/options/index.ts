import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { PROFILE_MODAL } from '../blocks/profile-modal.ts';
import { routeBy } from '../listener-routes.ts';
import type { ListenersByKind } from '../listeners-by-kind.ts';
import { timezoneOptions } from './timezone-options.ts';

type MenuArgs = SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs;

/**
 * Menus in blocks that load their options from the app, routed by action_id. Only a block
 * suggestion has one: legacy dialogs and attachment menus are left alone, as Bolt leaves them.
 */
export function optionsListener(deps: AppDeps): ListenersByKind['options'] {
  const menus = routeBy(
    (args: MenuArgs) => args.payload.action_id,
    [[PROFILE_MODAL.timezoneSearchActionId, timezoneOptions(deps)]],
  );
  return async (args) => {
    if (args.body.type === 'block_suggestion') await menus(args as MenuArgs);
  };
}
