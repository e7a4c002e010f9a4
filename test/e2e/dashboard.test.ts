import { describe, expect, it } from 'vitest';
import { startTestApp } from '../harness/test-world.ts';
import { useTestApp } from '../harness/use-test-app.ts';

const USER = 'ops';
const PASSWORD = 'correct-horse-battery-staple';
const ctx = useTestApp({ env: { DASHBOARD_USER: USER, DASHBOARD_PASSWORD: PASSWORD } });

const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});

describe('the queue dashboard at /admin/queues', () => {
  it('asks for credentials: 401 with a Basic challenge without them, and with wrong ones', async () => {
    const anonymous = await fetch(`${ctx.app.baseUrl}/admin/queues`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm="Mockingbird queues"/);

    const wrong = await fetch(`${ctx.app.baseUrl}/admin/queues`, {
      headers: basic(USER, 'guess-guess-guess'),
    });
    expect(wrong.status).toBe(401);

    // The board's API is behind the same door as its page.
    const api = await fetch(`${ctx.app.baseUrl}/admin/queues/api/queues`);
    expect(api.status).toBe(401);
  });

  it('with the configured credentials serves the board and lists every job queue', async () => {
    const page = await fetch(`${ctx.app.baseUrl}/admin/queues`, { headers: basic(USER, PASSWORD) });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<title>Mockingbird jobs</title>');
    expect(html).toContain('<base href="/admin/queues/"');

    const api = await fetch(`${ctx.app.baseUrl}/admin/queues/api/queues`, { headers: basic(USER, PASSWORD) });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: Array<{ name: string }> };
    const names = body.queues.map((queue) => queue.name);
    expect(names).toEqual(expect.arrayContaining(['match-pool', 'post-session-intro', 'sweep-pools']));
  });

  it('refuses a write that another site makes with the browser’s saved credentials', async () => {
    const forged = await fetch(`${ctx.app.baseUrl}/admin/queues/api/queues/pause`, {
      method: 'PUT',
      headers: { ...basic(USER, PASSWORD), origin: 'https://evil.example' },
    });
    expect(forged.status).toBe(403);
  });

  it('a worker-only process serves it on its ops server, behind the same credentials', async () => {
    const worker = await startTestApp(ctx.world, {
      env: { MOCKINGBIRD_ROLES: 'worker', DASHBOARD_USER: USER, DASHBOARD_PASSWORD: PASSWORD },
    });
    try {
      expect((await fetch(`${worker.baseUrl}/admin/queues`)).status).toBe(401);
      const page = await fetch(`${worker.baseUrl}/admin/queues/`, { headers: basic(USER, PASSWORD) });
      expect(page.status).toBe(200);
    } finally {
      await worker.stop();
    }
  });

  it('is not served at all without credentials configured', async () => {
    const plain = await startTestApp(ctx.world);
    try {
      const response = await fetch(`${plain.baseUrl}/admin/queues`, { headers: basic(USER, PASSWORD) });
      expect(response.status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});
