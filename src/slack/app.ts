import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type CustomRoute, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Config } from '../config.ts';
import { toSlackLogger } from '../observability/bolt-logger.ts';
import { register as registerActions } from './actions/index.ts';
import { register as registerCommands } from './commands/index.ts';
import { register as registerEvents } from './events/index.ts';
import { slackClientOptions } from './gateway.ts';
import { register as registerOptions } from './options/index.ts';
import { errorSummary } from './respond-safely.ts';
import type { SlackDeps } from './slack-deps.ts';
import { register as registerViews } from './views/index.ts';

export interface SlackApp {
  app: App;
  /** Starts receiving; resolves with the HTTP port (the events endpoint, or the side server in Socket Mode). */
  start(): Promise<number>;
  /** Stops taking new requests. */
  stop(): Promise<void>;
}

/**
 * Builds the Bolt app in the mode the configuration asks for. HTTP mode verifies Slack's
 * signature on every request at /slack/events; Socket Mode opens an outbound WebSocket, so
 * `routes` (health, later metrics) are served by the receiver's own small HTTP server.
 */
export function createSlackApp(config: Config, deps: SlackDeps, routes: CustomRoute[]): SlackApp {
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
      });
  const app = new App({ token: config.slack.botToken, receiver, logger, clientOptions });

  app.error(async (error) => {
    // Listeners answer members themselves; what reaches here is logged once, never rethrown.
    deps.logger.error({ err: errorSummary(error) }, 'unhandled error in a Slack listener');
  });
  registerCommands(app, deps);
  registerViews(app, deps);
  registerActions(app, deps);
  registerOptions(app, deps);
  registerEvents(app, deps);

  return {
    app,
    async start() {
      if (receiver instanceof HTTPReceiver) {
        const server = (await receiver.start(config.port)) as Server;
        return (server.address() as AddressInfo).port;
      }
      await receiver.start();
      // Bolt keeps the side server private; its port is what tests and health checks need.
      const server = (receiver as unknown as { httpServer?: Server }).httpServer;
      return server ? (server.address() as AddressInfo).port : config.port;
    },
    async stop() {
      await receiver.stop();
    },
  };
}
