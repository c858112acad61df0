/**
 * Statistical process control (SPEC 14): XmR charts read the "Making Data Count" way.
 * @module
 */

export { improvementOf, monthlySeries } from './series.js';
export {
  type ResolvedSpcOptions,
  type SpcAssurance,
  type SpcChart,
  type SpcImprovement,
  type SpcInput,
  type SpcOptions,
  type SpcPhase,
  type SpcPoint,
  type SpcPointType,
  type SpcSpecialCause,
  spc,
  spcImprovements,
  spcPointTypes,
  spcSpecialCauses,
} from './spc.js';
