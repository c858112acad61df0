/**
 * The DfE children in need census XML (SPEC 12), read with fast-xml-parser: each `Child`'s referrals, assessments,
 * section 47 enquiries with their initial conferences, and child protection plans, as records whose ids are the
 * child and the event date.
 * @module
 */
import { readRecordsText } from '../records/read-source.js';
import type { ParseRecordsOptions } from '../records/record-reader.js';
import type { RecordKind } from '../records/schemas.js';
import type { Shape } from '../records/shape.js';
import { createKindShape } from '../records/shape-kind.js';
import type { ValuesSink } from '../records/stages.js';
import { XML_LINE, type XmlTokenizerOptions } from '../records/tokenize-xml.js';
import { eventId, isYes, type PresetReadResult } from './preset-reader.js';

/** The record kinds the CIN census gives. */
export type CinCensusKind = 'referral' | 'assessment' | 'cp-conference' | 'cp-plan';

/**
 * The CIN census kinds.
 * @example cinCensusKinds //=> ['referral', 'assessment', 'cp-conference', 'cp-plan']
 */
export const cinCensusKinds: readonly CinCensusKind[] = [
  'referral',
  'assessment',
  'cp-conference',
  'cp-plan',
];

/**
 * Where the CIN census's records are, for the XML tokenizer: each `Child` of `Children` (in `Message`, or at the
 * top), with the elements that may repeat.
 * @example cinCensusXml.records //=> 'Child'
 */
export const cinCensusXml: XmlTokenizerOptions = {
  container: 'Children',
  records: 'Child',
  repeating: ['CINdetails', 'Assessments', 'Section47', 'ChildProtectionPlans'],
  expected:
    'a CIN census file, <Message> … <Children><Child>…</Child></Children></Message> (a workforce census or NCCIS file is read with --preset workforce-census or --preset nccis)',
};

type XmlNode = Readonly<Record<string | symbol, unknown>>;

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The element's children named `name`, as a list whether it appears once, several times or not at all. */
function all(element: XmlNode, name: string): XmlNode[] {
  const value = element[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter(isNode);
}

/** The text of the element's child `name`, or undefined when it is absent or empty. */
function text(element: XmlNode | undefined, name: string): string | undefined {
  const value = element?.[name];
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The line an element starts on. */
function lineOf(element: XmlNode): number {
  return (element[XML_LINE] as number | undefined) ?? 0;
}

/** The values that are present. */
function defined(values: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [field, value] of Object.entries(values)) if (value !== undefined) kept[field] = value;
  return kept;
}

/**
 * The shape of the CIN census for one record kind: each `Child` item gives one record per event of the kind, at
 * the line of the event's element. Per `Child` (its `LAchildID` and `PersonBirthDate`, in `ChildIdentifiers` or
 * directly under it), per `CINdetails` episode:
 * - `referral`: `CINreferralDate`, `ReferralSource` → `source`;
 * - `assessment`: each `Assessments` element's `AssessmentActualStartDate` → `startDate`,
 *   `AssessmentAuthorisationDate` → `completedDate`;
 * - `cp-conference`: each `Section47`: `S47ActualStartDate` → both `strategyDiscussionDate` and `s47StartDate`,
 *   `DateOfInitialCPC` → `conferenceDate`, the episode's `CINreferralDate` → `referralDate`; an enquiry with
 *   `ICPCnotRequired` true, or without a conference date, is not a conference (skipped, with the reason);
 * - `cp-plan`: each `ChildProtectionPlans`: `CPPstartDate`, `CPPendDate`, `NumberOfPreviousCPP` →
 *   `previousPlans`.
 *
 * @param kind - `referral`, `assessment`, `cp-conference` or `cp-plan`.
 * @param next - the check stage.
 * @param options - `dateFormat` (default `auto`), for the ids made from dates.
 * @returns the shape, for `createShaper` (items, no header).
 * @throws {TypeError} for a kind the census does not give.
 * @example
 * const checker = createChecker('referral', { listsSkipped: true });
 * tokenizeXml(xml, cinCensusXml, createShaper(createCinCensusShape('referral', checker), checker, { header: 'none' }));
 * checker.result({ file: 'census.xml', sha256: '', encoding: 'utf-8' }).records[0]
 * //=> { id: 'C1@2012-05-01', childId: 'C1', referralDate: '2012-05-01' }
 */
export function createCinCensusShape(
  kind: RecordKind,
  next: ValuesSink,
  options: Pick<ParseRecordsOptions, 'dateFormat'> = {},
): Shape {
  if (!cinCensusKinds.includes(kind as CinCensusKind)) {
    throw new TypeError(
      `the CIN census gives ${cinCensusKinds.join(', ')} records, not ${JSON.stringify(kind)}`,
    );
  }
  const records = createKindShape(kind, next);
  const dateFormat = options.dateFormat ?? 'auto';
  const emit = (values: Readonly<Record<string, string | undefined>>, element: XmlNode): void =>
    records.item(defined(values), lineOf(element), {});
  return {
    knows: () => false,
    header: () => ({ fields: [], dates: [] }),
    row: () => {},
    item(value) {
      if (!isNode(value)) return;
      const child = value;
      const identifiers = all(child, 'ChildIdentifiers')[0];
      const childId = text(identifiers, 'LAchildID') ?? text(child, 'LAchildID');
      for (const episode of all(child, 'CINdetails')) {
        const referralDate = text(episode, 'CINreferralDate');
        if (kind === 'referral') {
          emit(
            {
              id: eventId(childId, referralDate, dateFormat),
              childId,
              referralDate,
              source: text(episode, 'ReferralSource'),
            },
            episode,
          );
        } else if (kind === 'assessment') {
          for (const assessment of all(episode, 'Assessments')) {
            const startDate = text(assessment, 'AssessmentActualStartDate');
            emit(
              {
                id: eventId(childId, startDate, dateFormat),
                childId,
                startDate,
                completedDate: text(assessment, 'AssessmentAuthorisationDate'),
              },
              assessment,
            );
          }
        } else if (kind === 'cp-conference') {
          for (const enquiry of all(episode, 'Section47')) {
            const notRequired = text(enquiry, 'ICPCnotRequired');
            const conferenceDate = text(enquiry, 'DateOfInitialCPC');
            if (isYes(notRequired)) {
              next.skipped(
                lineOf(enquiry),
                'icpc-not-required',
                `ICPCnotRequired is ${notRequired}: the enquiry is not a conference`,
              );
            } else if (conferenceDate === undefined) {
              next.skipped(
                lineOf(enquiry),
                'no-conference-date',
                'no DateOfInitialCPC: the enquiry has not (yet) led to a conference, so it is not a conference record',
              );
            } else {
              const s47StartDate = text(enquiry, 'S47ActualStartDate');
              emit(
                {
                  id: eventId(childId, conferenceDate, dateFormat),
                  childId,
                  conferenceDate,
                  type: 'initial',
                  strategyDiscussionDate: s47StartDate,
                  s47StartDate,
                  referralDate,
                },
                enquiry,
              );
            }
          }
        } else {
          for (const plan of all(episode, 'ChildProtectionPlans')) {
            const startDate = text(plan, 'CPPstartDate');
            emit(
              {
                id: eventId(childId, startDate, dateFormat),
                childId,
                startDate,
                endDate: text(plan, 'CPPendDate'),
                previousPlans: text(plan, 'NumberOfPreviousCPP'),
              },
              plan,
            );
          }
        }
      }
    },
    end: () => records.end(),
  };
}

/**
 * Reads the records of one kind from the text of a CIN census XML file: the XML tokenizer and the census's shape
 * ({@link createCinCensusShape}), then the check every input takes. Ids are `<LAchildID>@<event date>`. `row` in
 * issues is the line the event's element starts on. Text that is not complete, well-formed XML (a truncated
 * file), or that declares entities, refuses the input (`unreadable`, row 0).
 *
 * @param kind - `referral`, `assessment`, `cp-conference` or `cp-plan`.
 * @param xml - the whole XML text.
 * @param options - as `parseRecords`: `dateFormat` (default `auto`), `strict` (default false), `file`, `sha256`.
 * @returns the records, the line of each, the issues, the accounting (the enquiries that are not conferences
 *   counted as skipped), and those enquiries.
 * @throws {TypeError} for a kind the census does not give.
 * @throws {InputError} in strict mode, when there is any issue.
 * @example
 * const xml = '<Message><Children><Child><ChildIdentifiers><LAchildID>C1</LAchildID></ChildIdentifiers>' +
 *   '<CINdetails><CINreferralDate>2012-05-01</CINreferralDate></CINdetails></Child></Children></Message>';
 * parseCinCensusXml('referral', xml).records //=> [{ id: 'C1@2012-05-01', childId: 'C1', referralDate: '2012-05-01' }]
 */
export function parseCinCensusXml<K extends RecordKind>(
  kind: K,
  xml: string,
  options: ParseRecordsOptions = {},
): PresetReadResult<K> {
  const result = readRecordsText(
    kind,
    xml,
    'xml',
    {
      label: `CIN census ${kind} records`,
      shape: (next: ValuesSink) => createCinCensusShape(kind, next, options),
      skips: true,
      xml: cinCensusXml,
    },
    options,
  );
  return { ...result, skipped: result.skipped ?? [] };
}
