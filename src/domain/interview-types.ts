/**
 * The built-in interview types. Slugs are what members type (`/mock execution`) and what the
 * database stores; labels are what Slack shows. Organizers' own types (a later issue) extend
 * this list per workspace.
 */
export interface InterviewType {
  slug: string;
  label: string;
  /** One line of what the interview tests, shown in pickers and help. */
  summary: string;
  aliases: string[];
}

export const BUILT_IN_INTERVIEW_TYPES: readonly InterviewType[] = [
  {
    slug: 'product-sense',
    label: 'Product sense',
    summary: 'Design, improve or critique a product for a user need.',
    aliases: ['product', 'ps', 'design', 'product-design'],
  },
  {
    slug: 'execution',
    label: 'Execution',
    summary: 'Metrics, a metric drop, prioritisation, launches and A/B tests.',
    aliases: ['exec', 'metrics', 'analytical'],
  },
  {
    slug: 'strategy',
    label: 'Strategy',
    summary: 'Market entry, competition, pricing, partnerships.',
    aliases: ['strat', 'business'],
  },
  {
    slug: 'technical',
    label: 'Technical',
    summary: 'Systems and ML concepts explained plainly; high-level system design.',
    aliases: ['tech', 'system-design', 'systems'],
  },
  {
    slug: 'behavioural',
    label: 'Behavioural',
    summary: 'STAR stories: conflict, failure, influence, hard calls.',
    aliases: ['behavioral', 'leadership', 'star', 'bq'],
  },
  {
    slug: 'reverse-interview',
    label: 'Reverse interview',
    summary: 'The questions a candidate asks the interviewer.',
    aliases: ['reverse', 'questions'],
  },
];

/** Finds a type by slug, label or alias, forgiving case, spaces and underscores. */
export function findInterviewType(
  word: string,
  types: readonly InterviewType[] = BUILT_IN_INTERVIEW_TYPES,
): InterviewType | undefined {
  const key = word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return types.find(
    (type) =>
      type.slug === key ||
      type.label.toLowerCase().replace(/\s+/g, '-') === key ||
      type.aliases.includes(key),
  );
}

/** The label Slack shows for a type slug; an unknown slug (a retired custom type) reads as itself. */
export function interviewTypeLabel(
  slug: string,
  types: readonly InterviewType[] = BUILT_IN_INTERVIEW_TYPES,
): string {
  return types.find((type) => type.slug === slug)?.label ?? slug;
}
