/**
 * The Ofsted Annex A workbook (SPEC 12): lists 3, 4, 5 and 7 as referral, assessment, cp-conference and cp-plan
 * records. No list has a record id, so each record's id is the child and the event date, `<childId>@<date>`.
 * @module
 */
import { readBoolean } from '../records/values.js';
import { eventId, type PresetColumn, type TablePreset } from './preset-reader.js';

/** The record kinds Annex A gives, each from one list. */
export type AnnexAKind = 'referral' | 'assessment' | 'cp-conference' | 'cp-plan';

// The columns every list has. `Gender` became `Sex` in the 2026 template; both are known (no indicator reads them,
// but they help find the header row).
const childColumns: readonly PresetColumn[] = [
  {
    field: 'childId',
    headers: [
      'Child Unique ID',
      'Child ID',
      'Unique ID',
      'Child Unique Identifier',
      'Child Identifier',
      'LA Child ID',
      'LAchildID',
    ],
    required: true,
  },
  { field: 'sex', headers: ['Sex', 'Gender', 'Gender Current'], knownOnly: true },
  { field: 'ethnicity', headers: ['Ethnicity', 'Ethnic Origin'], knownOnly: true },
  {
    field: 'dateOfBirth',
    headers: ['Date of Birth', 'DOB', 'Birth Date', 'PersonBirthDate'],
    date: true,
    knownOnly: true,
  },
  { field: 'age', headers: ['Age of Child (Years)', 'Age of Child', 'Age'], knownOnly: true },
  {
    field: 'disability',
    headers: ['Does the Child have a Disability', 'Disability'],
    knownOnly: true,
  },
];

const allocationColumns: readonly PresetColumn[] = [
  { field: 'team', headers: ['Allocated Team', 'Team', 'Team Name'] },
  {
    field: 'workerId',
    headers: ['Allocated Worker', 'Allocated Social Worker', 'Worker', 'Worker ID', 'Social Worker'],
  },
];

/** Keeps the values that are present. */
function present(values: Record<string, string | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [field, value] of Object.entries(values)) if (value !== undefined) kept[field] = value;
  return kept;
}

const list3: TablePreset = {
  label: 'Annex A List 3 (referrals)',
  sheetNames: ['List 3', 'Referrals'],
  columns: [
    ...childColumns,
    {
      field: 'referralDate',
      headers: [
        'Date of referral',
        'Referral Date',
        "Date of Referral to Children's Social Care",
        'REF_DATE',
        'REFRL_DATE',
        'CINreferralDate',
      ],
      date: true,
      required: true,
    },
    { field: 'source', headers: ['Referral Source', 'Source of Referral', 'REF_SOURCE', 'ReferralSource'] },
    { field: 'referralNfa', headers: ['Referral NFA?', 'Referral NFA'], knownOnly: true },
    {
      field: 'referralsInLast12Months',
      headers: [
        'Number of Referrals in Last 12 Months',
        'Number of Referrals in the Last 12 Months',
        'Number of Referrals in Previous 12 Months',
        'No of Referrals in Last 12 Months',
        'Referrals in Last 12 Months',
        'Previous Referrals in Last 12 Months',
        'NUM_REFERRALS_12M',
        'REFS_LAST_12_MONTHS',
      ],
    },
    ...allocationColumns,
  ],
  toRecords: (v, context) => ({
    records: [
      present({
        id: eventId(v.childId, v.referralDate, context.dateFormat),
        childId: v.childId,
        referralDate: v.referralDate,
        source: v.source,
        team: v.team,
        workerId: v.workerId,
        referralsInLast12Months: v.referralsInLast12Months,
      }),
    ],
  }),
};

const list4: TablePreset = {
  label: 'Annex A List 4 (assessments)',
  sheetNames: ['List 4', 'Assessments'],
  columns: [
    ...childColumns,
    {
      field: 'startDate',
      headers: [
        'Continuous Assessment Start Date',
        'Assessment Start Date',
        'Single Assessment Start Date',
        'AssessmentActualStartDate',
        'ASMT_START_DATE',
        'ASSESS_START_DATE',
        'CA_START_DATE',
      ],
      date: true,
      required: true,
    },
    {
      field: 'completedDate',
      headers: [
        'Continuous Assessment Date of Authorisation',
        'Assessment Date of Authorisation',
        'Assessment Authorisation Date',
        'Single Assessment Date of Authorisation',
        'Date of Authorisation',
        'Assessment Completion Date',
        'AssessmentAuthorisationDate',
        'ASMT_AUTH_DATE',
        'ASSESS_AUTH_DATE',
        'ASSESSMENT_AUTH_DATE',
        'CA_AUTH_DATE',
      ],
      date: true,
    },
    {
      field: 'childSeen',
      headers: ['Child Seen During Continuous Assessment'],
      knownOnly: true,
    },
    ...allocationColumns,
  ],
  toRecords: (v, context) => ({
    records: [
      present({
        id: eventId(v.childId, v.startDate, context.dateFormat),
        childId: v.childId,
        startDate: v.startDate,
        completedDate: v.completedDate,
        team: v.team,
        workerId: v.workerId,
      }),
    ],
  }),
};

const list5: TablePreset = {
  label: 'Annex A List 5 (section 47 enquiries and initial conferences)',
  sheetNames: ['List 5', 'Sec47 and ICPC', 'Section 47', 'S47 and ICPC'],
  columns: [
    ...childColumns,
    {
      field: 's47Date',
      headers: [
        'Strategy discussion initiating Section 47 Enquiry Start Date',
        'Section 47 Enquiry Start Date',
        'S47 Enquiry Start Date',
        'S47 Start Date',
        'Strategy Discussion Date',
        'Date of Strategy Discussion',
        'S47ActualStartDate',
        'S47_DATE',
        'STRAT_DISC_DATE',
        'STRATEGY_DATE',
      ],
      date: true,
      gives: ['strategyDiscussionDate', 's47StartDate'],
    },
    {
      field: 'icpcNotRequired',
      headers: [
        'Was an Initial Child Protection Conference deemed unnecessary?',
        'Initial Child Protection Conference deemed unnecessary',
        'ICPC deemed unnecessary',
        'ICPC not required',
        'ICPCnotRequired',
        'ICPC_NOT_REQD',
        'CP_CONF_NOT_REQUIRED',
      ],
    },
    {
      field: 'conferenceDate',
      headers: [
        'Date of Initial Child Protection Conference',
        'Initial Child Protection Conference Date',
        'Date of ICPC',
        'ICPC Date',
        'DateOfInitialCPC',
        'CP_CONF_DATE',
        'ICPC_CONF_DATE',
        'INIT_CP_CONF_DATE',
        'Initial CP Conference Date',
      ],
      date: true,
      required: true,
    },
    {
      field: 'resultedInPlan',
      headers: ['Did the Initial Child Protection Conference Result in a Child Protection Plan'],
      knownOnly: true,
    },
    ...allocationColumns,
  ],
  toRecords: (v, context) => {
    // A closed list of yes/no spellings (`a) Yes`, `1 - Yes`, `No`…); blank is no; anything else rejects the row.
    const notRequired = readBoolean(v.icpcNotRequired);
    if (!notRequired.ok) {
      const { code, message } = notRequired;
      return {
        records: [],
        issues: [{ code, field: 'icpcNotRequired', value: v.icpcNotRequired ?? null, message }],
      };
    }
    if (notRequired.value === true) {
      return {
        records: [],
        skip: {
          reason: 'icpc-not-required',
          message: `an initial conference was deemed unnecessary (${JSON.stringify(v.icpcNotRequired?.trim())}): the enquiry is not a conference${v.conferenceDate === undefined ? '' : `, although a conference date ${JSON.stringify(v.conferenceDate.trim())} is given`}`,
        },
      };
    }
    if (v.conferenceDate === undefined) {
      return {
        records: [],
        skip: {
          reason: 'no-conference-date',
          message:
            'no initial conference date: the enquiry has not (yet) led to a conference, so it is not a conference record',
        },
      };
    }
    return {
      records: [
        present({
          id: eventId(v.childId, v.conferenceDate, context.dateFormat),
          childId: v.childId,
          conferenceDate: v.conferenceDate,
          type: 'initial',
          // Annex A's one date is both the strategy discussion and the start of the section 47 enquiry.
          strategyDiscussionDate: v.s47Date,
          s47StartDate: v.s47Date,
          team: v.team,
        }),
      ],
    };
  },
};

const list7: TablePreset = {
  label: 'Annex A List 7 (child protection plans)',
  sheetNames: ['List 7', 'Child Protection', 'Child Protection Plans'],
  columns: [
    ...childColumns,
    {
      field: 'startDate',
      headers: [
        'Child Protection Plan Start Date',
        'CP Plan Start Date',
        'CPP Start Date',
        'CPPstartDate',
        'CP_START_DATE',
        'CPP_START',
      ],
      date: true,
      required: true,
    },
    {
      field: 'endDate',
      headers: [
        'Child Protection Plan End Date',
        'CP Plan End Date',
        'CPP End Date',
        'CPPendDate',
        'CP_END_DATE',
        'CPP_END',
      ],
      date: true,
    },
    {
      field: 'previousPlans',
      headers: [
        'Number of Previous Child Protection Plans',
        'Number of Previous CP Plans',
        'Previous Child Protection Plans',
        'NumberOfPreviousCPP',
        'Number of Previous Child Protection Plans (any LA)',
        'Number of Previous CPPs',
        'No of Previous CP Plans',
        'Previous CP Plans',
        'PREV_CPP',
        'NUM_PREV_CPP',
        'PREVIOUS_CP_PLANS',
      ],
    },
    { field: 'initialCategory', headers: ['Initial Category of Abuse'], knownOnly: true },
    { field: 'latestCategory', headers: ['Latest Category of Abuse'], knownOnly: true },
    {
      field: 'lastVisit',
      headers: ['Date of the Last Statutory Visit'],
      date: true,
      knownOnly: true,
    },
    {
      field: 'latestReview',
      headers: ['Date of latest review conference'],
      date: true,
      knownOnly: true,
    },
    ...allocationColumns,
  ],
  toRecords: (v, context) => ({
    records: [
      present({
        id: eventId(v.childId, v.startDate, context.dateFormat),
        childId: v.childId,
        startDate: v.startDate,
        endDate: v.endDate,
        previousPlans: v.previousPlans,
        team: v.team,
        workerId: v.workerId,
      }),
    ],
  }),
};

/**
 * The Annex A lists the library reads, by the record kind each gives: the sheet names it is found under and its
 * columns with their known spellings.
 *
 * @example
 * annexALists['cp-conference'].sheetNames //=> ['List 5', 'Sec47 and ICPC', 'Section 47', 'S47 and ICPC']
 */
export const annexALists: { readonly [K in AnnexAKind]: TablePreset } = {
  referral: list3,
  assessment: list4,
  'cp-conference': list5,
  'cp-plan': list7,
};
