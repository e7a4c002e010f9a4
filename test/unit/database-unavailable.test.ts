import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/store/prisma.ts';

// Members are told "try again" (not "something went wrong") when the database is away. Errors
// come from Prisma or, for the direct reads (src/store/direct-sql.ts), from pg itself.
describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'pg: nothing listens',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['pg: no connection within the pool’s wait', new Error('timeout exceeded when trying to connect')],
    ['pg: a frozen server', new Error('Query read timeout')],
    ['pg: the server went away mid-query', new Error('Connection terminated unexpectedly')],
    ['PostgreSQL shutting down', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['Prisma, wrapping the cause', new Error('query failed', { cause: { code: 'P1001', message: '' } })],
  ])('%s is unavailability', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a constraint violation', Object.assign(new Error('duplicate key value'), { code: '23505' })],
    ['a bug', new TypeError('cannot read properties of undefined')],
  ])('%s is not', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
