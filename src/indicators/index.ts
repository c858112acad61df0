export {
  type Assess45From,
  type Assess45Options,
  assess45,
  assess45Definition,
  assess45Froms,
} from './assess45.js';
export {
  type BaselineOptions,
  baselineOption,
  changeDisplayOf,
  compareWithBaseline,
  percentChange,
  withBaseline,
} from './baseline.js';
export { type CafClosedOptions, cafClosed, cafClosedDefinition } from './caf-closed.js';
export { type Caf2wOptions, caf2w, caf2wDefinition } from './caf2w.js';
export {
  CASELOAD_ROLES,
  CASELOAD_THRESHOLD,
  type CaseloadDetails,
  type CaseloadFigures,
  type CaseloadMode,
  type CaseloadOptions,
  caseload,
  caseloadDefinition,
  type WorkerCaseload,
} from './caseload.js';
export {
  type Breakdown,
  type BreakdownGroup,
  type BreakdownKey,
  computeBreakdown,
  computeIndicator,
  type IndicatorDefinitions,
  NO_GROUP,
  type OptionsFor,
  type RecordsFor,
} from './compute.js';
export { type Cpc15Options, cpc15, cpc15Definition, type StartEvent, startEvents } from './cpc15.js';
export {
  type Cpp2YearsDetails,
  type Cpp2YearsOptions,
  cpp2Years,
  cpp2YearsDefinition,
  twoYearsAfter,
} from './cpp-2years.js';
export { type CppRepeatOptions, cppRepeat, cppRepeatDefinition } from './cpp-repeat.js';
export {
  DIVISION_ROUNDING,
  displayValue,
  exactDecimal,
  exactRatio,
  type ResolvedRounding,
  resolveRounding,
  roundingModes,
} from './exact.js';
export { type RepeatHistory, repeatHistories } from './history.js';
export {
  type ColumnsFound,
  missingColumnIssues,
  type NeededColumn,
  type NeededColumnOf,
  neededColumns,
} from './needed-columns.js';
export {
  academicAge,
  NEET_COUNT_MONTHS,
  type NeetCountOptions,
  type NeetSnapshot,
} from './neet.js';
export { type NeetNotKnownOptions, neetNotKnown, neetNotKnownDefinition } from './neet-not-known.js';
export { type Ni59Options, type Ni59Rules, ni59, ni59Definition, WT2010_FROM } from './ni59.js';
export { type Ni60Options, ni60, ni60Definition } from './ni60.js';
export { type Ni117Options, ni117, ni117Definition } from './ni117.js';
export {
  type DeclaredOption,
  type IndicatorOption,
  type IndicatorOptionType,
  type OptionInConfig,
  type OptionProblem,
  type OptionReadContext,
  type OptionReading,
  readConfigOptions,
} from './options.js';
export { type RefNoCafOptions, refNoCaf, refNoCafDefinition } from './ref-no-caf.js';
export { getIndicator, type IndicatorId, indicatorIds, indicators } from './registry.js';
export {
  oneYearBefore,
  type RepeatReferralsOptions,
  repeatReferrals,
  repeatReferralsDefinition,
} from './repeat-referrals.js';
export { resultWarnings, summariseOutcomes, tallyOutcomes } from './summarise.js';
export { deadlineDay } from './timeliness.js';
export type {
  BaselineComparison,
  CommonIndicatorOptions,
  IndicatorCounts,
  IndicatorDefinition,
  IndicatorResult,
  IndicatorUnit,
  OutcomeBucket,
  OutcomeSink,
  Polarity,
  RecordOutcome,
  RoundingMode,
  RoundingOptions,
  SnapshotCounts,
} from './types.js';
export { type WfAbsenceOptions, wfAbsence, wfAbsenceDefinition } from './wf-absence.js';
export { type WfAgencyOptions, wfAgency, wfAgencyDefinition } from './wf-agency.js';
export { type WfTurnoverOptions, wfTurnover, wfTurnoverDefinition } from './wf-turnover.js';
export { type WfVacancyOptions, wfVacancy, wfVacancyDefinition } from './wf-vacancy.js';
export {
  referenceDateOf,
  type WorkerStanding,
  type WorkforceDetails,
  type WorkforceOptions,
  type WorkforceWindow,
  workerStanding,
  workforceWindow,
} from './workforce.js';
