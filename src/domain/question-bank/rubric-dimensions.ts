import type { RubricDimension, RubricFile } from './rubric-schema.ts';

/**
 * Which of a rubric's dimensions a prompt tests. A dimension names the topics it does not fit
 * (`notFor`); a prompt of an unknown topic (an organizer's own question) is judged on them all.
 */
export function dimensionApplies(
  dimension: Pick<RubricDimension, 'notFor'>,
  topic: string | undefined,
): boolean {
  return topic === undefined || !(dimension.notFor ?? []).includes(topic);
}

export function dimensionsFor<D extends Pick<RubricDimension, 'notFor'>>(
  dimensions: readonly D[],
  topic: string | undefined,
): { applies: D[]; notCovered: D[] } {
  return {
    applies: dimensions.filter((dimension) => dimensionApplies(dimension, topic)),
    notCovered: dimensions.filter((dimension) => !dimensionApplies(dimension, topic)),
  };
}

/**
 * Per interview type, each former dimension id → the id it now has, for reading ratings given
 * before a rubric renamed or split a dimension.
 */
export function renamedDimensions(
  rubrics: Iterable<Pick<RubricFile, 'type' | 'dimensions'>>,
): Record<string, Record<string, string>> {
  const renamed: Record<string, Record<string, string>> = {};
  for (const rubric of rubrics) {
    for (const dimension of rubric.dimensions) {
      for (const former of dimension.formerIds ?? []) {
        renamed[rubric.type] ??= {};
        renamed[rubric.type]![former] = dimension.id;
      }
    }
  }
  return renamed;
}
