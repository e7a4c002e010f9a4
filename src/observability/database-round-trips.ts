import { metrics } from './metrics.ts';
import { currentSurface } from './request-context.ts';

/**
 * `createDatabase`'s `onStatement`: counts each statement against the Slack surface being handled
 * (mockingbird_database_round_trips_total), so the cost of a command in round trips is on
 * /metrics and in `npm run bench:ack`. Prisma logs a transaction's COMMIT or ROLLBACK but not its
 * BEGIN, which is a round trip too: the end counts for both.
 */
export function countDatabaseRoundTrip(sql: string): void {
  const trips = /^\s*(COMMIT|ROLLBACK)\b/i.test(sql) ? 2 : 1;
  metrics.databaseRoundTrips.inc({ surface: currentSurface() ?? 'none' }, trips);
}
