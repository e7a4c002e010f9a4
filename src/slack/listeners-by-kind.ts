import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  BlockAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackOptionsMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';

type Listener<Args> = (args: Args & AllMiddlewareArgs) => Promise<void>;

/** The one listener for each kind of request Mockingbird answers; each routes by its own key. */
export interface ListenersByKind {
  command: Listener<SlackCommandMiddlewareArgs>;
  blockAction: Listener<SlackActionMiddlewareArgs<BlockAction>>;
  viewSubmission: Listener<SlackViewMiddlewareArgs<ViewSubmitAction>>;
  shortcut: Listener<SlackShortcutMiddlewareArgs>;
  options: Listener<SlackOptionsMiddlewareArgs>;
  event: Listener<SlackEventMiddlewareArgs>;
}

/**
 * Mockingbird's listeners behind one dispatch, run by the app's one global middleware
 * (middleware/index.ts), in place of a Bolt listener per kind. Bolt offers every request to every
 * listener registered, each through its own chain of matchers (an array copied, the arguments
 * spread and a few promises per matcher, per request): with six listeners that was about a fifth
 * of what a `/mock help` allocated, and young garbage is what stalls the acks at p99. Here one
 * look at the request picks the only listener that could match, with Bolt's own tests: the key
 * Bolt sets for the request's kind (`command`, `action`, `view`, `shortcut`, `options`, `event`)
 * and, for actions and views, the body's type. A request of another kind (a view closed, an
 * interactive message) is left alone, as Bolt leaves a request no listener matched.
 *
 * Errors go where a listener's went: up through processEvent to the app's error handler.
 */
export function dispatchByKind(
  listeners: ListenersByKind,
): (args: AnyMiddlewareArgs & AllMiddlewareArgs) => Promise<void> {
  return async (args) => {
    const listener = listenerFor(listeners, args);
    if (listener) await listener(args);
  };
}

function listenerFor(
  listeners: ListenersByKind,
  args: AnyMiddlewareArgs,
): ((args: AnyMiddlewareArgs & AllMiddlewareArgs) => Promise<void>) | undefined {
  const type = (args.body as { type?: unknown }).type;
  let listener: unknown;
  if ('command' in args && args.command) listener = listeners.command;
  else if ('action' in args && args.action)
    listener = type === 'block_actions' ? listeners.blockAction : undefined;
  else if ('view' in args && args.view)
    listener = type === 'view_submission' ? listeners.viewSubmission : undefined;
  else if ('shortcut' in args && args.shortcut) listener = listeners.shortcut;
  else if ('options' in args && args.options) listener = listeners.options;
  else if ('event' in args && args.event) listener = listeners.event;
  // The tests above are what narrow Bolt's arguments to the listener's kind.
  return listener as ((args: AnyMiddlewareArgs & AllMiddlewareArgs) => Promise<void>) | undefined;
}
