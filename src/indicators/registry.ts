import type { RecordKind } from '../records/schemas.js';
import { assess45Definition } from './assess45.js';
import { cafClosedDefinition } from './caf-closed.js';
import { caf2wDefinition } from './caf2w.js';
import { caseloadDefinition } from './caseload.js';
import { cpc15Definition } from './cpc15.js';
import { cpp2YearsDefinition } from './cpp-2years.js';
import { cppRepeatDefinition } from './cpp-repeat.js';
import { neetNotKnownDefinition } from './neet-not-known.js';
import { ni59Definition } from './ni59.js';
import { ni60Definition } from './ni60.js';
import { ni117Definition } from './ni117.js';
import { refNoCafDefinition } from './ref-no-caf.js';
import { repeatReferralsDefinition } from './repeat-referrals.js';
import type { CommonIndicatorOptions, IndicatorDefinition } from './types.js';
import { wfAbsenceDefinition } from './wf-absence.js';
import { wfAgencyDefinition } from './wf-agency.js';
import { wfTurnoverDefinition } from './wf-turnover.js';
import { wfVacancyDefinition } from './wf-vacancy.js';

/**
 * Every indicator, by id (frozen, as {@link indicatorIds} is). Adding an indicator is one new file and one line here.
 * @example Object.keys(indicators) //=> ['NI59', 'NI60', 'CPC15', 'CAF2W', …]
 */
export const indicators = Object.freeze({
  NI59: ni59Definition,
  NI60: ni60Definition,
  CPC15: cpc15Definition,
  CAF2W: caf2wDefinition,
  CAF_CLOSED: cafClosedDefinition,
  REF_NO_CAF: refNoCafDefinition,
  CASELOAD: caseloadDefinition,
  NI117: ni117Definition,
  NEET_NOT_KNOWN: neetNotKnownDefinition,
  REPEAT_REFERRALS: repeatReferralsDefinition,
  ASSESS45: assess45Definition,
  CPP_2YEARS: cpp2YearsDefinition,
  CPP_REPEAT: cppRepeatDefinition,
  WF_TURNOVER: wfTurnoverDefinition,
  WF_AGENCY: wfAgencyDefinition,
  WF_VACANCY: wfVacancyDefinition,
  WF_ABSENCE: wfAbsenceDefinition,
} as const satisfies Record<string, IndicatorDefinition<RecordKind, CommonIndicatorOptions>>);

/** The id of a registered indicator. */
export type IndicatorId = keyof typeof indicators;

/**
 * Every registered indicator's id. Frozen: `getIndicator` and the command line find an indicator through this
 * list, so a caller's change to it would change what every caller in the process can compute.
 * @example indicatorIds.includes('NI59') //=> true
 */
export const indicatorIds: readonly IndicatorId[] = Object.freeze(Object.keys(indicators) as IndicatorId[]);

/**
 * Finds an indicator by id (case-insensitive).
 * @throws {TypeError} naming the known ids when there is no such indicator.
 * @example getIndicator('ni59').id //=> 'NI59'
 */
export function getIndicator(id: string): (typeof indicators)[IndicatorId] {
  const found = indicatorIds.find((known) => known.toLowerCase() === String(id).toLowerCase());
  if (!found)
    throw new TypeError(
      `Unknown indicator ${JSON.stringify(id)}: expected one of ${indicatorIds.join(', ')}`,
    );
  return indicators[found];
}
