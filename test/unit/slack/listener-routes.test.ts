import { describe, expect, it } from 'vitest';
import { routeBy } from '../../../src/slack/listener-routes.ts';

interface Press {
  actionId?: string;
  heard: string[];
}

const hear = (name: string) => async (press: Press) => {
  press.heard.push(name);
};

describe('routeBy', () => {
  const route = routeBy(
    (press: Press) => press.actionId,
    [
      ['confirm', hear('confirm')],
      ['cancel', hear('cancel')],
    ],
  );

  it('hands a request to the one listener its key names', async () => {
    const press: Press = { actionId: 'cancel', heard: [] };
    await route(press);
    expect(press.heard).toEqual(['cancel']);
  });

  it('leaves a request alone when no listener has its key, or it has none', async () => {
    for (const actionId of ['open-link', undefined]) {
      const press: Press = { actionId, heard: [] };
      await route(press);
      expect(press.heard).toEqual([]);
    }
  });

  it('refuses two listeners for one key at start-up, where Bolt would have run both', () => {
    expect(() =>
      routeBy(
        (press: Press) => press.actionId,
        [
          ['confirm', hear('first')],
          ['confirm', hear('second')],
        ],
      ),
    ).toThrow('two listeners for confirm');
  });
});
