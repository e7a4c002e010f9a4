import type { AppDeps } from '../../app-deps.ts';
import { routeBy } from '../listener-routes.ts';
import type { ListenersByKind } from '../listeners-by-kind.ts';
import { mockCommand } from './mock.ts';

/** Slash commands (manifest.yml, features.slash_commands), routed by name. */
export function commandListener(deps: AppDeps): ListenersByKind['command'] {
  return routeBy((args) => args.command.command, [['/mock', mockCommand(deps)]]);
}
