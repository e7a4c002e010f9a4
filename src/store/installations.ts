import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { TokenCipher } from '../security/token-cipher.ts';
import type { Database } from './prisma.ts';

/**
 * Bolt's installation store on PostgreSQL. One row per workspace (or per org for an org-wide
 * install); the installation, tokens included, is sealed with the token cipher, and a row sealed
 * with an older key is sealed again with the current one the next time it is read.
 */
export class PrismaInstallationStore implements InstallationStore {
  constructor(
    private readonly db: Database,
    private readonly cipher: TokenCipher,
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const isEnterpriseInstall = installation.isEnterpriseInstall === true;
    const installKey = isEnterpriseInstall ? installation.enterprise?.id : installation.team?.id;
    if (!installKey) throw new Error('an installation without a team or enterprise id');
    const row = {
      teamId: installation.team?.id ?? null,
      enterpriseId: installation.enterprise?.id ?? null,
      isEnterpriseInstall,
      sealed: this.cipher.encrypt(JSON.stringify(installation)),
    };
    await this.db.installation.upsert({ where: { installKey }, create: { installKey, ...row }, update: row });
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const installKey = query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
    const row = installKey ? await this.db.installation.findUnique({ where: { installKey } }) : null;
    if (!row) throw new Error(`no installation for ${installKey ?? 'an empty query'}`);
    const installation = JSON.parse(this.cipher.decrypt(row.sealed)) as Installation;
    if (this.cipher.needsRotation(row.sealed)) {
      await this.db.installation.update({
        where: { id: row.id },
        data: { sealed: this.cipher.encrypt(JSON.stringify(installation)) },
      });
    }
    return installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const installKey = query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
    if (installKey) await this.db.installation.deleteMany({ where: { installKey } });
  }
}

/** The bot token of a workspace's install, for workers; null when it is not installed. */
export async function botTokenFor(
  store: PrismaInstallationStore,
  slackTeamId: string,
): Promise<string | null> {
  try {
    const installation = await store.fetchInstallation({
      teamId: slackTeamId,
      isEnterpriseInstall: false,
      enterpriseId: undefined,
    });
    return installation.bot?.token ?? null;
  } catch {
    return null;
  }
}
