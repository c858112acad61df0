/**
 * The record kinds of SPEC 5 and their fixed lists of values, as plain data. The readers, the shape stage and the
 * indicators need only these; zod's schemas (`schemas.ts`) are built from them, so that a run that reads and counts
 * never loads zod (about 50 to 70 ms of a process, docs/performance.md).
 * @module
 */

/** The name of a record kind: `initial-assessment`, `core-assessment`, `cp-conference`, `caf`, … */
export type RecordKind =
  | 'initial-assessment'
  | 'core-assessment'
  | 'cp-conference'
  | 'caf'
  | 'referral'
  | 'neet'
  | 'worker'
  | 'allocation'
  | 'assessment'
  | 'cp-plan';

const kindList = [
  'initial-assessment',
  'core-assessment',
  'cp-conference',
  'caf',
  'referral',
  'neet',
  'worker',
  'allocation',
  'assessment',
  'cp-plan',
] as const satisfies readonly RecordKind[];

// Every kind is in the list: a kind added to the type and not here fails to compile. (The type is written out, not
// taken from the list, so that `recordKinds` keeps its public type `readonly RecordKind[]` and the API docs name
// no internal list.)
const everyKind: Exclude<RecordKind, (typeof kindList)[number]> extends never ? true : never = true;
void everyKind;

/**
 * Every record kind, in SPEC order. Frozen: the readers check a kind against this list, so a caller's change to it
 * would change what every reader in the process accepts.
 * @example recordKinds.includes('initial-assessment') //=> true
 */
export const recordKinds: readonly RecordKind[] = Object.freeze([...kindList]);

/**
 * The types of a child protection conference.
 * @example conferenceTypes //=> ['initial', 'review']
 */
export const conferenceTypes = ['initial', 'review'] as const;

/**
 * Why a CAF was closed.
 * @example closureReasons.includes('needs-met') //=> true
 */
export const closureReasons = ['needs-met', 'escalated', 'disengaged', 'moved-away', 'other'] as const;

/**
 * A young person's activity statuses at a count date.
 * @example neetStatuses //=> ['EET', 'NEET', 'NOT_KNOWN', 'EXCLUDED']
 */
export const neetStatuses = ['EET', 'NEET', 'NOT_KNOWN', 'EXCLUDED'] as const;

/**
 * A worker's roles.
 * @example workerRoles.includes('newly-qualified') //=> true
 */
export const workerRoles = [
  'social-worker',
  'newly-qualified',
  'advanced-practitioner',
  'team-manager',
  'other',
] as const;
