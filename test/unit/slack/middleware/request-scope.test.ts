import { describe, expect, it } from 'vitest';
import { inRequestScope, requestLogFields } from '../../../../src/observability/request-context.ts';
import { requestScopeOf } from '../../../../src/slack/middleware/request-scope.ts';

/** The fields a log line written while handling `body` would carry, after an await. */
async function fieldsDuring(body: Record<string, unknown>) {
  return inRequestScope(requestScopeOf(body), async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return requestLogFields();
  });
}

describe('requestScopeOf', () => {
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
