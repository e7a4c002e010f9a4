import { metrics } from './metrics.ts';
import { currentSurface } from './request-context.ts';

/**
 * `createDatabase`'s `onStatement`: counts each statement sent to PostgreSQL (a round trip)
 * against the Slack surface being handled (mockingbird_database_round_trips_total), so the cost of
 * a command in round trips is on /metrics and in `npm run bench:ack`.
 */
export function countDatabaseRoundTrip(_sql: string): void {
  metrics.databaseRoundTrips.inc({ surface: currentSurface() ?? 'none' });
}
