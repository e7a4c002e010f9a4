import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The shortcuts a member's Slack client offers for the app, read from manifest.yml
 * (`features.shortcuts`) as Slack reads them when the app is installed: global ones in the
 * composer's shortcut menu, message ones in each message's "More actions" menu. Read from the
 * manifest so the sandbox offers exactly what a workspace would get, names included.
 */

const shortcutSchema = z.object({
  name: z.string().min(1),
  type: z.enum(['global', 'message']),
  callback_id: z.string().min(1),
  description: z.string().default(''),
});
const manifestSchema = z.looseObject({
  features: z.looseObject({ shortcuts: z.array(shortcutSchema).default([]) }).optional(),
});

export interface AppShortcut {
  name: string;
  callbackId: string;
  description: string;
}

export interface AppShortcuts {
  global: AppShortcut[];
  message: AppShortcut[];
}

let loaded: AppShortcuts | undefined;

/** The app's shortcuts (read once; the manifest does not change while the sandbox runs). */
export function appShortcuts(): AppShortcuts {
  loaded ??= shortcutsIn(readFileSync(manifestPath(), 'utf8'));
  return loaded;
}

export function shortcutsIn(manifestText: string): AppShortcuts {
  const shortcuts = manifestSchema.parse(parse(manifestText)).features?.shortcuts ?? [];
  const of = (type: 'global' | 'message'): AppShortcut[] =>
    shortcuts
      .filter((shortcut) => shortcut.type === type)
      .map((shortcut) => ({
        name: shortcut.name,
        callbackId: shortcut.callback_id,
        description: shortcut.description,
      }));
  return { global: of('global'), message: of('message') };
}

/** manifest.yml at the repository's root: found walking up, so it works from src/ and from dist/src/. */
function manifestPath(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(folder, 'manifest.yml');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(folder);
    if (parent === folder)
      throw new Error('The sandbox could not find manifest.yml for the app’s shortcuts.');
    folder = parent;
  }
}
