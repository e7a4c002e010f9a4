import { expect, it } from 'vitest';
import { appShortcuts, shortcutsIn } from '../../src/sandbox/client/app-shortcuts.ts';
import { SHORTCUTS } from '../../src/slack/shortcuts/shortcut-ids.ts';

/** The sandbox offers the shortcuts manifest.yml declares, by the names a workspace would see. */

it('reads the global and the message shortcut from manifest.yml, each in its own menu', () => {
  expect(appShortcuts()).toEqual({
    global: [
      {
        name: 'Find a practice partner',
        callbackId: SHORTCUTS.findPartner,
        description: expect.any(String),
      },
    ],
    message: [
      {
        name: 'Practise this question',
        callbackId: SHORTCUTS.practiseQuestion,
        description: expect.any(String),
      },
    ],
  });
});

it('a manifest without shortcuts offers none, and a malformed one is refused', () => {
  expect(shortcutsIn('display_information:\n  name: Mockingbird\n')).toEqual({ global: [], message: [] });
  expect(() =>
    shortcutsIn('features:\n  shortcuts:\n    - name: Broken\n      type: sideways\n      callback_id: x\n'),
  ).toThrow();
});
