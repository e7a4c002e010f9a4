import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type App,
  type CustomRoute,
  HTTPReceiver,
  type InstallationStore,
  SocketModeReceiver,
} from '@slack/bolt';
import type { Redis } from 'ioredis';
import type { AppDeps } from '../app-deps.ts';
import type { Config } from '../config.ts';
import { toSlackLogger } from '../observability/bolt-logger.ts';
import { buttonListener } from './actions/index.ts';
import { BOT_SCOPES } from './bot-scopes.ts';
import { commandListener } from './commands/index.ts';
import { eventListener } from './events/index.ts';
import { MeasuredApp, receiptProperties, stampConnections, stampReceipt } from './middleware/ack-timing.ts';
import { countArrivingConnections } from './middleware/arrivals.ts';
import { register as registerMiddleware } from './middleware/index.ts';
import { guardSlackRequests, SLACK_BODY_LIMIT_BYTES } from './middleware/request-guard.ts';
import { optionsListener } from './options/index.ts';
import { errorSummary } from './respond-safely.ts';
import { shortcutListener } from './shortcuts/index.ts';
import { slackClientOptions } from './slack-client.ts';
import { submissionListener } from './views/index.ts';

export interface SlackApp {
  app: App;
  /** Starts receiving; resolves with the HTTP port (the events endpoint, or the side server in Socket Mode). */
  start(): Promise<number>;
  /** Stops taking new requests and waits (up to the shutdown timeout) for those in flight. */
  stop(): Promise<void>;
}

/**
 * Builds the Bolt app in the mode the configuration asks for. HTTP mode verifies Slack's
 * signature on every request at /slack/events; Socket Mode opens an outbound WebSocket, so
 * `routes` (health, later metrics) are served by the receiver's own small HTTP server.
 */
export function createSlackApp(
  config: Config,
  deps: AppDeps,
  routes: CustomRoute[],
  ops: { redis: Redis; installationStore?: InstallationStore },
): SlackApp {
  const logger = toSlackLogger(deps.logger);
  const clientOptions = slackClientOptions(config, deps.logger);
  const receiver = config.slack.socketMode
    ? new SocketModeReceiver({
        appToken: config.slack.appToken!,
        logger,
        customRoutes: routes,
        installerOptions: { port: config.port, clientOptions },
      })
    : new HTTPReceiver({
        signingSecret: config.slack.signingSecret!,
        endpoints: '/slack/events',
        customRoutes: routes,
        logger,
        customPropertiesExtractor: receiptProperties,
        bodyLimit: SLACK_BODY_LIMIT_BYTES,
        // guardSlackRequests (below) checks every request's signature before Bolt sees it and
        // refuses what fails; Bolt checking it again cost each request a second HMAC and parse.
        signatureVerification: false,
        // Multi-workspace: /slack/install starts Slack's OAuth flow, /slack/oauth_redirect
        // finishes it and stores the installation (sealed) through the installation store.
        ...(config.slack.oauth && ops.installationStore
          ? {
              clientId: config.slack.oauth.clientId,
              clientSecret: config.slack.oauth.clientSecret,
              stateSecret: config.slack.oauth.stateSecret,
              scopes: [...BOT_SCOPES],
              installationStore: ops.installationStore,
              installerOptions: { directInstall: true, clientOptions },
            }
          : {}),
      });
  if (receiver instanceof HTTPReceiver) {
    // The guard goes first so the receipt stamp (wrapped around it) also counts what it refuses.
    guardSlackRequests(receiver, '/slack/events', {
      signingSecret: config.slack.signingSecret!,
      logger: deps.logger,
    });
    stampReceipt(receiver, '/slack/events', routes);
  }
  // With OAuth, Bolt finds each workspace's token through the installation store; a fixed token
  // would make it answer every workspace as the one it belongs to.
  const token = config.slack.oauth ? undefined : config.slack.botToken;
  // Listeners answer a member in hand, often on a trigger id that lives three seconds: a 429 is an
  // answer ("busy, run it again"), never a wait of Retry-After seconds past the trigger's life.
  const app = new MeasuredApp(
    {
      token,
      receiver,
      logger,
      clientOptions: { ...clientOptions, rejectRateLimitedCalls: true },
      // Bolt's conversation store (context.conversation) is unused here; its global middleware cost
      // every request a lookup and a tenth of what the web role allocated under load.
      convoStore: false,
      // Bolt's ignoreSelf is one more global middleware for every request, for a rule that only
      // concerns events: the events listener applies it (events/index.ts, causedByThisApp).
      ignoreSelf: false,
    },
    { holdLaneUntilAck: receiver instanceof SocketModeReceiver },
  );

  app.error(async (error) => {
    // Listeners answer members themselves; what reaches here is logged once, never rethrown.
    deps.logger.error({ err: errorSummary(error) }, 'unhandled error in a Slack listener');
  });
  // Every listener, behind the one global middleware (listeners-by-kind.ts says why not Bolt's).
  registerMiddleware(
    app,
    { redis: ops.redis, prefix: config.queuePrefix, logger: deps.logger },
    {
      command: commandListener(deps),
      blockAction: buttonListener(deps),
      viewSubmission: submissionListener(deps),
      shortcut: shortcutListener(deps),
      options: optionsListener(deps),
      event: eventListener(deps),
    },
  );

  return {
    app,
    async start() {
      if (receiver instanceof HTTPReceiver) {
        const server = (await receiver.start(config.port)) as Server;
        // Attached as the server starts listening, before any connection can be accepted.
        stampConnections(server);
        countArrivingConnections(server);
        return (server.address() as AddressInfo).port;
      }
      await receiver.start();
      // Bolt keeps the side server private; its port is what tests and health checks need.
      const server = (receiver as unknown as { httpServer?: Server }).httpServer;
      return server ? (server.address() as AddressInfo).port : config.port;
    },
    async stop() {
      // No new requests; then the listeners already acknowledged finish (bounded), before the
      // caller closes the pools they use.
      await receiver.stop();
      const drained = await app.drain(config.shutdownTimeoutMs);
      if (!drained)
        deps.logger.warn(
          { timeoutMs: config.shutdownTimeoutMs },
          'Slack listeners still running at the shutdown timeout; stopping anyway',
        );
    },
  };
}
