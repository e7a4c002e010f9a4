/**
 * The sandbox's demo community, as data: a dozen members across the world's working hours, one
 * organizer, two channels, a few weeks of finished sessions with feedback, and two members
 * waiting for a partner, so the first request a newcomer makes can be matched at once.
 */

export interface DemoMember {
  id: string;
  name: string;
  city: string;
  tz: string;
  level: 'PM' | 'SENIOR' | 'STAFF' | 'DIRECTOR';
  title: string;
  /** Workspace admins are organizers in Mockingbird (src/slack/organizers.ts). */
  organizer?: boolean;
}

export const TEAM_ID = 'T0SANDBOX';
export const TEAM_NAME = 'Product Interview Circle';
export const TEAM_DOMAIN = 'product-interview-circle';

export const PRACTICE_CHANNEL = { id: 'C0PRACTICE', name: 'interview-practice' };
export const GENERAL_CHANNEL = { id: 'C0GENERAL', name: 'general' };
export const CHANNELS = [PRACTICE_CHANNEL, GENERAL_CHANNEL] as const;

export const MEMBERS: readonly DemoMember[] = [
  {
    id: 'U0MAYA',
    name: 'Maya Chen',
    city: 'San Francisco',
    tz: 'America/Los_Angeles',
    level: 'STAFF',
    title: 'Community organizer · Staff PM',
    organizer: true,
  },
  {
    id: 'U0JAMAL',
    name: 'Jamal Carter',
    city: 'New York',
    tz: 'America/New_York',
    level: 'SENIOR',
    title: 'Senior PM, fintech',
  },
  {
    id: 'U0ANA',
    name: 'Ana Souza',
    city: 'São Paulo',
    tz: 'America/Sao_Paulo',
    level: 'SENIOR',
    title: 'Senior PM, marketplaces',
  },
  {
    id: 'U0OLIVIA',
    name: 'Olivia Bennett',
    city: 'London',
    tz: 'Europe/London',
    level: 'SENIOR',
    title: 'PM, media',
  },
  {
    id: 'U0LUKAS',
    name: 'Lukas Weber',
    city: 'Berlin',
    tz: 'Europe/Berlin',
    level: 'SENIOR',
    title: 'Senior PM, mobility',
  },
  {
    id: 'U0CHIDI',
    name: 'Chidi Okafor',
    city: 'Lagos',
    tz: 'Africa/Lagos',
    level: 'SENIOR',
    title: 'Senior PM, payments',
  },
  {
    id: 'U0AMARA',
    name: 'Amara Njoroge',
    city: 'Nairobi',
    tz: 'Africa/Nairobi',
    level: 'PM',
    title: 'PM, agritech',
  },
  {
    id: 'U0PRIYA',
    name: 'Priya Raman',
    city: 'Bangalore',
    tz: 'Asia/Kolkata',
    level: 'STAFF',
    title: 'Staff PM, developer tools',
  },
  {
    id: 'U0WEI',
    name: 'Wei Ling Tan',
    city: 'Singapore',
    tz: 'Asia/Singapore',
    level: 'SENIOR',
    title: 'Senior PM, travel',
  },
  {
    id: 'U0YUKI',
    name: 'Yuki Tanaka',
    city: 'Tokyo',
    tz: 'Asia/Tokyo',
    level: 'STAFF',
    title: 'Staff PM, games',
  },
  {
    id: 'U0NOAH',
    name: 'Noah Williams',
    city: 'Sydney',
    tz: 'Australia/Sydney',
    level: 'PM',
    title: 'PM, health',
  },
  {
    id: 'U0SOFIA',
    name: 'Sofía García',
    city: 'Madrid',
    tz: 'Europe/Madrid',
    level: 'DIRECTOR',
    title: 'Director of Product',
  },
];

export const ORGANIZER = MEMBERS.find((member) => member.organizer)!;

export function demoMember(id: string): DemoMember | undefined {
  return MEMBERS.find((member) => member.id === id);
}

/**
 * A finished session of the past: who interviewed whom first, the type, how many days ago, and
 * how each rated the other (1–4 on every rubric dimension; the seed spreads it a little per
 * dimension). `[first, second]` ratings: what `first` gave `second`, and the reverse.
 */
export interface PastSession {
  pair: [string, string];
  interviewType: string;
  daysAgo: number;
  ratings: [number, number];
}

/**
 * Ana's and Jamal's execution practice improves week by week, so their Home tabs show a rising
 * trend; nobody here was paired in the last 14 days with someone they might be matched with first
 * (matching's cooldown), except pairs a newcomer is unlikely to try.
 */
export const PAST_SESSIONS: readonly PastSession[] = [
  { pair: ['U0JAMAL', 'U0ANA'], interviewType: 'execution', daysAgo: 41, ratings: [2, 2] },
  { pair: ['U0OLIVIA', 'U0ANA'], interviewType: 'execution', daysAgo: 34, ratings: [2, 2] },
  { pair: ['U0WEI', 'U0ANA'], interviewType: 'execution', daysAgo: 27, ratings: [3, 2] },
  { pair: ['U0JAMAL', 'U0WEI'], interviewType: 'execution', daysAgo: 24, ratings: [3, 3] },
  { pair: ['U0SOFIA', 'U0ANA'], interviewType: 'execution', daysAgo: 20, ratings: [3, 3] },
  { pair: ['U0PRIYA', 'U0YUKI'], interviewType: 'product-sense', daysAgo: 19, ratings: [3, 3] },
  { pair: ['U0OLIVIA', 'U0JAMAL'], interviewType: 'execution', daysAgo: 17, ratings: [3, 3] },
  { pair: ['U0CHIDI', 'U0AMARA'], interviewType: 'behavioural', daysAgo: 16, ratings: [3, 2] },
  { pair: ['U0NOAH', 'U0WEI'], interviewType: 'product-sense', daysAgo: 12, ratings: [2, 3] },
  { pair: ['U0MAYA', 'U0SOFIA'], interviewType: 'strategy', daysAgo: 9, ratings: [4, 3] },
  { pair: ['U0OLIVIA', 'U0ANA'], interviewType: 'execution', daysAgo: 6, ratings: [4, 3] },
  { pair: ['U0YUKI', 'U0NOAH'], interviewType: 'product-sense', daysAgo: 3, ratings: [3, 3] },
];

/**
 * Members waiting for a partner when the sandbox opens: their requests are placed through the app
 * itself (`/mock …` as they would type it), with wide hours so that whoever asks next for the same
 * type is likely to overlap.
 */
export const WAITING_REQUESTS: ReadonlyArray<{ userId: string; command: string }> = [
  { userId: 'U0CHIDI', command: 'behavioural senior both 45min daily 07-23' },
  { userId: 'U0PRIYA', command: 'product-sense staff both 45min daily 07-23' },
];

/** What the demo members usually write in feedback, to make the Home tab read like a real one. */
export const STRENGTHS = [
  'Clear structure: you set the goal and the user before jumping to solutions.',
  'Good use of data: you asked for the funnel before guessing at the cause.',
  'Calm under follow-ups, and you summarised the trade-off well at the end.',
  'Strong prioritisation: you named what you would not do and why.',
];

export const IMPROVEMENTS = [
  'Say your metric out loud earlier; I only heard it at the end.',
  'Time-box the brainstorm: the last part felt rushed.',
  'Check segment by segment before concluding it was the release.',
  'Tie the recommendation back to the company goal in one sentence.',
];

/** The daily question in #interview-practice, as an organizer set it up before the sandbox opened. */
export const DAILY_QUESTION = {
  localTime: '09:00',
  timezone: 'America/Los_Angeles',
  weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] as const,
  interviewTypes: ['product-sense', 'execution', 'behavioural', 'strategy'],
};
