import type { WebClient } from '@slack/web-api';
import type { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import type { Logger } from '../observability/logger.ts';
import { botTokenFor, type PrismaInstallationStore } from '../store/installations.ts';
import type { Database } from '../store/prisma.ts';
import { SlackOutbound } from './outbound/slack-outbound.ts';
import { createWorkerSlackClient } from './slack-client.ts';

export interface WorkspaceSlack {
  client: WebClient;
  outbound: SlackOutbound;
}

/**
 * Workers' Slack access per workspace. With a bot token in configuration (one workspace) every
 * workspace uses it; with OAuth installs each workspace's own bot token is read from its sealed
 * installation. Clients are cached per token, so a job costs one lookup, not one TLS handshake.
 */
export class WorkspaceClients {
  private readonly byToken = new Map<string, WorkspaceSlack>();
  private readonly fixed: WorkspaceSlack | undefined;

  constructor(
    private readonly options: {
      config: Config;
      db: Database;
      redis: Redis;
      logger: Logger;
      installations: PrismaInstallationStore | undefined;
    },
  ) {
    if (options.config.slack.botToken) this.fixed = this.build(options.config.slack.botToken);
  }

  /** The default workspace's access (single-workspace mode), for jobs not tied to one workspace. */
  get default(): WorkspaceSlack | undefined {
    return this.fixed;
  }

  async forWorkspace(workspaceId: string): Promise<WorkspaceSlack> {
    if (this.fixed && !this.options.installations) return this.fixed;
    const workspace = await this.options.db.workspace.findUnique({
      where: { id: workspaceId },
      select: { slackTeamId: true },
    });
    if (!workspace) throw new Error(`workspace ${workspaceId} is gone`);
    return this.forTeam(workspace.slackTeamId);
  }

  async forTeam(slackTeamId: string): Promise<WorkspaceSlack> {
    const token = this.options.installations
      ? await botTokenFor(this.options.installations, slackTeamId)
      : null;
    if (token) return this.byToken.get(token) ?? this.build(token);
    if (this.fixed) return this.fixed;
    throw new Error(`Mockingbird is not installed in ${slackTeamId}`);
  }

  private build(token: string): WorkspaceSlack {
    const { config, db, redis, logger } = this.options;
    const client = createWorkerSlackClient(
      { ...config, slack: { ...config.slack, botToken: token } },
      logger,
    );
    const access = {
      client,
      outbound: new SlackOutbound({ client, redis, prefix: config.queuePrefix, db, logger }),
    };
    this.byToken.set(token, access);
    return access;
  }
}
