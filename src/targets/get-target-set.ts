import { targetSets } from './data/leeds-2010.js';
import type { TargetSet } from './types.js';

/**
 * The ids of the built-in target sets.
 * @example targetSetIds //=> ['leeds-2010-notice', 'leeds-2010-plan']
 */
export const targetSetIds: readonly string[] = Object.keys(targetSets);

/**
 * Finds a built-in target set by id.
 * @param id - the set's id, e.g. `leeds-2010-plan`.
 * @returns the {@link TargetSet}.
 * @throws {TypeError} naming the known ids when there is no such set.
 * @example getTargetSet('leeds-2010-plan').targets.length //=> 16
 */
export function getTargetSet(id: string): TargetSet {
  const set = Object.hasOwn(targetSets, id) ? targetSets[id] : undefined;
  if (set === undefined) {
    throw new TypeError(
      `Unknown target set ${JSON.stringify(id)}: expected one of ${targetSetIds.join(', ')}`,
    );
  }
  return set;
}
