import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestWorld, startTestApp, type TestApp, type TestWorld } from '../harness/test-world.ts';

let world: TestWorld;
let app: TestApp;

beforeAll(async () => {
  world = await createTestWorld();
  world.fake.addToken('xapp-test-app-token', { kind: 'app' });
  app = await startTestApp(world, {
    env: { SLACK_SOCKET_MODE: 'true', SLACK_APP_TOKEN: 'xapp-test-app-token', SLACK_SIGNING_SECRET: '' },
  });
  await world.fake.socketConnected();
});

afterAll(async () => {
  await app?.stop();
  await world?.close();
});

it('connects through apps.connections.open with the app-level token', () => {
  const opened = world.fake.callsTo('apps.connections.open');
  expect(opened.length).toBeGreaterThanOrEqual(1);
  expect(opened[0]?.token).toBe('xapp-test-app-token');
});

it('/mock help over a Socket Mode envelope is acked with the help as its payload', async () => {
  const ack = await world.fake.sendEnvelope(
    'slash_commands',
    app.slack.commandPayload('U0ANA', '/mock', 'help'),
  );
  expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
  expect(JSON.stringify(ack.payload?.blocks)).toContain('/mock profile');
});

it('/mock profile over Socket Mode opens the profile modal through the same Web API URL', async () => {
  world.fake.setUser('U0BO', { tz: 'Asia/Kolkata' });
  await world.fake.sendEnvelope('slash_commands', app.slack.commandPayload('U0BO', '/mock', 'profile'));
  const opened = await world.fake.waitForCall('views.open', (call) =>
    JSON.stringify(call.args.view).includes('Kolkata'),
  );
  expect(opened.args.view).toMatchObject({ callback_id: 'profile' });
});

it('serves /health on its side port while connected over the socket', async () => {
  const response = await fetch(`${app.baseUrl}/health`);
  expect(response.status).toBe(200);
});
