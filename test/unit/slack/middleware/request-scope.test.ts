import { describe, expect, it } from 'vitest';
import { requestLogFields } from '../../../../src/observability/request-context.ts';
import { requestScope } from '../../../../src/slack/middleware/request-scope.ts';

/** Runs the middleware on `body` and returns the fields a log line written inside it would carry. */
async function fieldsDuring(body: Record<string, unknown>) {
  let fields: ReturnType<typeof requestLogFields> = {};
  const next = async () => {
    fields = requestLogFields();
  };
  const middleware = requestScope();
  await middleware({ body, next } as unknown as Parameters<typeof middleware>[0]);
  return fields;
}

describe('requestScope', () => {
  it("keeps an event's own id, so Slack's redeliveries of it share one", async () => {
    const fields = await fieldsDuring({
      type: 'event_callback',
      event_id: 'Ev0SAME',
      event: { type: 'app_home_opened' },
    });
    expect(fields.requestId).toBe('Ev0SAME');
  });

  it('gives any other request twelve random hex digits of its own', async () => {
    const ids = await Promise.all(
      Array.from({ length: 200 }, () => fieldsDuring({ command: '/mock', text: 'status' })),
    ).then((all) => all.map((fields) => fields.requestId));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
