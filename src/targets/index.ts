/**
 * Targets (SPEC 8): the target model, the built-in Leeds 2010 sets, custom sets from JSON, the comparison of a result
 * with a target (met, gap, RAG), and the rate a running cumulative period still needs.
 * @module
 */

export {
  type CompareOptions,
  compareToTarget,
  type GapUnit,
  type RagStatus,
  type TargetComparison,
  type TargetStatus,
} from './compare-to-target.js';
export { targetSets } from './data/leeds-2010.js';
export { getTargetSet, targetSetIds } from './get-target-set.js';
export { parseTargets, type TargetIssue } from './parse-targets.js';
export {
  expectedRemainingVolume,
  type RateNeeded,
  type RateNeededInput,
  type RateNeededOptions,
  rateNeeded,
} from './rate-needed.js';
export type { Target, TargetSet, TargetSource, TargetUnit } from './types.js';
export { targetUnits } from './types.js';
