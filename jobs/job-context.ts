import type { WebClient } from '@slack/web-api';
import type { Config } from '../src/config.ts';
import type { Logger } from '../src/observability/logger.ts';
import type { JobQueues } from '../src/queue/job-queues.ts';
import type { SlackOutbound } from '../src/slack/outbound/slack-outbound.ts';
import type { Database } from '../src/store/prisma.ts';

/**
 * The worker's way out to Slack (src/slack/outbound): paced per channel, 429s waited out, 5xx
 * retried, permanent errors recorded, and `postMessageOnce` idempotent per key. One type, the
 * gateway's own, so jobs and the gateway can never disagree about a message's shape.
 */
export type Outbound = Pick<
  SlackOutbound,
  'postMessageOnce' | 'updateMessage' | 'openConversation' | 'uploadFile' | 'postEphemeral' | 'call'
>;

/** What a processor may reach. The clock is injected so tests can move time. */
export interface JobContext {
  config: Config;
  db: Database;
  slack: WebClient;
  outbound: Outbound;
  queues: JobQueues;
  logger: Logger;
  now: () => Date;
  /**
   * The same context with `slack` and `outbound` speaking for one workspace: its own bot token
   * when the app is installed through OAuth, the configured one otherwise. Processors call this
   * as soon as they know the workspace, and use the result for every Slack call.
   */
  inWorkspace(workspaceId: string): Promise<JobContext>;
  inTeam(slackTeamId: string): Promise<JobContext>;
}
