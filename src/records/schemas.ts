/**
 * The canonical record kinds of SPEC 5, as zod schemas over already-normalised values (ISO dates, booleans,
 * numbers). The reading path (`parseRecords`) turns raw rows (CSV cells, JSON values) into these.
 * @module
 */
import { z } from 'zod';
import { isIsoDate } from '../util/dates.js';
import { closureReasons, conferenceTypes, neetStatuses, type RecordKind, workerRoles } from './kinds.js';

export { type RecordKind, recordKinds } from './kinds.js';

/**
 * A real `YYYY-MM-DD` date.
 * @example isoDateSchema.safeParse('2011-02-29').success //=> false
 */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'Expected a real date written YYYY-MM-DD' });

const text = z.string().min(1);

/**
 * Initial assessment: NI 59. `referralDate` is when the timescale starts.
 * @example initialAssessmentSchema.safeParse({ id: 'IA1', childId: 'C1', referralDate: '2011-04-28' }).success //=> true
 */
export const initialAssessmentSchema = z.object({
  id: text,
  childId: text,
  referralDate: isoDateSchema,
  completedDate: isoDateSchema.optional(),
  team: text.optional(),
  workerId: text.optional(),
});

/**
 * Core assessment: NI 60.
 * @example coreAssessmentSchema.safeParse({ id: 'CA1', childId: 'C1', startDate: '2010-12-01' }).success //=> true
 */
export const coreAssessmentSchema = z.object({
  id: text,
  childId: text,
  startDate: isoDateSchema,
  completedDate: isoDateSchema.optional(),
  team: text.optional(),
  workerId: text.optional(),
});

/**
 * The type of a child protection conference.
 * @example conferenceTypeSchema.options //=> ['initial', 'review']
 */
export const conferenceTypeSchema = z.enum(conferenceTypes);

/**
 * Child protection conference: CPC15.
 * @example cpConferenceSchema.parse({ id: 'CP1', childId: 'C1', conferenceDate: '2011-05-11' }).type //=> 'initial'
 */
export const cpConferenceSchema = z.object({
  id: text,
  childId: text,
  conferenceDate: isoDateSchema,
  type: conferenceTypeSchema.default('initial'),
  strategyDiscussionDate: isoDateSchema.optional(),
  s47StartDate: isoDateSchema.optional(),
  referralDate: isoDateSchema.optional(),
  team: text.optional(),
});

/**
 * Why a CAF was closed.
 * @example closureReasonSchema.safeParse('needs-met').success //=> true
 */
export const closureReasonSchema = z.enum(closureReasons);

/**
 * Common Assessment Framework episode: CAF2W, CAF_CLOSED.
 * @example cafSchema.safeParse({ id: 'CAF1', designatedDate: '2010-09-17' }).success //=> true
 */
export const cafSchema = z.object({
  id: text,
  childId: text.optional(),
  designatedDate: isoDateSchema,
  meetingDate: isoDateSchema.optional(),
  closedDate: isoDateSchema.optional(),
  closureReason: closureReasonSchema.optional(),
  agency: text.optional(),
});

/**
 * Referral to children's social care: REF_NO_CAF, REPEAT_REFERRALS.
 * @example referralSchema.safeParse({ id: 'R1', childId: 'C1', referralDate: '2010-10-04', cafCompleted: false }).success //=> true
 */
export const referralSchema = z.object({
  id: text,
  childId: text,
  referralDate: isoDateSchema,
  cafCompleted: z.boolean().optional(),
  source: text.optional(),
  team: text.optional(),
  /** The child's referrals in the 12 months before this one (Annex A's `Number of Referrals in Last 12 Months`). */
  referralsInLast12Months: z.number().int().min(0).optional(),
});

/**
 * A young person's activity status at a count date.
 * @example neetStatusSchema.options //=> ['EET', 'NEET', 'NOT_KNOWN', 'EXCLUDED']
 */
export const neetStatusSchema = z.enum(neetStatuses);

/**
 * One young person at one NEET count: NI117, NEET_NOT_KNOWN.
 * @example neetSchema.safeParse({ personId: 'P1', snapshotDate: '2010-11-30', dateOfBirth: '1993-05-01', status: 'NEET' }).success //=> true
 */
export const neetSchema = z.object({
  personId: text,
  snapshotDate: isoDateSchema,
  dateOfBirth: isoDateSchema,
  status: neetStatusSchema,
  /** The NCCIS activity code the status was read from (`540`), when the input had one. */
  activityCode: text.optional(),
});

/**
 * A worker's role.
 * @example workerRoleSchema.safeParse('newly-qualified').success //=> true
 */
export const workerRoleSchema = z.enum(workerRoles);

/**
 * A worker: CASELOAD and the workforce stability indicators (WF_TURNOVER, WF_AGENCY, WF_VACANCY, WF_ABSENCE).
 * `fte` is at the reference date for those in post and at leaving for leavers (0 or more: a worker on a zero-hours
 * contract has an FTE of 0); an absent `role` is an unknown role.
 * @example workerSchema.safeParse({ workerId: 'W1', fte: -1 }).success //=> false (fte must be 0 or more)
 */
export const workerSchema = z.object({
  workerId: text,
  fte: z.number().min(0),
  role: workerRoleSchema.optional(),
  team: text.optional(),
  startDate: isoDateSchema.optional(),
  endDate: isoDateSchema.optional(),
  /** Whether the worker is an agency worker (not paid directly by the council). */
  agency: z.boolean().optional(),
  /** Working days lost to sickness in the 12 months to the reference date. */
  workingDaysLost: z.number().min(0).optional(),
  /** Cases held at the reference date (the workforce census's `Cases30`). */
  cases: z.number().int().min(0).optional(),
});

/**
 * A case allocated to a worker: CASELOAD.
 * @example allocationSchema.safeParse({ caseId: 'C1', workerId: 'W1', allocatedFrom: '2010-04-01' }).success //=> true
 */
export const allocationSchema = z.object({
  caseId: text,
  workerId: text,
  allocatedFrom: isoDateSchema,
  allocatedTo: isoDateSchema.optional(),
});

/**
 * Single (continuous) assessment of Working Together 2013 (Ofsted Annex A List 4): ASSESS45.
 * @example assessmentSchema.safeParse({ id: 'A1', childId: 'C1', startDate: '2012-12-20' }).success //=> true
 */
export const assessmentSchema = z.object({
  id: text,
  childId: text,
  startDate: isoDateSchema,
  completedDate: isoDateSchema.optional(),
  team: text.optional(),
  workerId: text.optional(),
});

/**
 * Child protection plan (Ofsted Annex A List 7): CPP_2YEARS, CPP_REPEAT.
 * @example cpPlanSchema.safeParse({ id: 'P1', childId: 'C1', startDate: '2012-02-29', previousPlans: 0 }).success //=> true
 */
export const cpPlanSchema = z.object({
  id: text,
  childId: text,
  startDate: isoDateSchema,
  endDate: isoDateSchema.optional(),
  /** The number of earlier plans the child has had (Annex A's `Number of Previous Child Protection Plans`). */
  previousPlans: z.number().int().min(0).optional(),
  team: text.optional(),
});

/**
 * Every record kind's schema, by kind.
 * @example recordSchemas['referral'].safeParse({ id: 'R1', childId: 'C1', referralDate: '2010-10-04' }).success //=> true
 */
export const recordSchemas = {
  'initial-assessment': initialAssessmentSchema,
  'core-assessment': coreAssessmentSchema,
  'cp-conference': cpConferenceSchema,
  caf: cafSchema,
  referral: referralSchema,
  neet: neetSchema,
  worker: workerSchema,
  allocation: allocationSchema,
  assessment: assessmentSchema,
  'cp-plan': cpPlanSchema,
} as const satisfies { readonly [K in RecordKind]: z.ZodType };

export type InitialAssessmentRecord = z.infer<typeof initialAssessmentSchema>;
export type CoreAssessmentRecord = z.infer<typeof coreAssessmentSchema>;
export type CpConferenceRecord = z.infer<typeof cpConferenceSchema>;
export type CafRecord = z.infer<typeof cafSchema>;
export type ReferralRecord = z.infer<typeof referralSchema>;
export type NeetRecord = z.infer<typeof neetSchema>;
export type WorkerRecord = z.infer<typeof workerSchema>;
export type AllocationRecord = z.infer<typeof allocationSchema>;
export type AssessmentRecord = z.infer<typeof assessmentSchema>;
export type CpPlanRecord = z.infer<typeof cpPlanSchema>;
export type NeetStatus = z.infer<typeof neetStatusSchema>;
export type WorkerRole = z.infer<typeof workerRoleSchema>;
export type ClosureReason = z.infer<typeof closureReasonSchema>;

/** The record type of a kind. */
export type RecordOf<K extends RecordKind> = z.infer<(typeof recordSchemas)[K]>;
