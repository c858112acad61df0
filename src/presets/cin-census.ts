/**
 * The DfE children in need census XML (SPEC 12), read with fast-xml-parser: each `Child`'s referrals, assessments,
 * section 47 enquiries with their initial conferences, and child protection plans, as records whose ids are the
 * child and the event date.
 * @module
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createRecordReader, type ParseRecordsOptions } from '../records/record-reader.js';
import type { RecordKind } from '../records/schemas.js';
import { eventId, isYes, type PresetReadResult, type SkippedRow } from './preset-reader.js';

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

// The elements that may repeat: always read as arrays, whether the file has one or several.
const REPEATING = new Set(['Child', 'CINdetails', 'Assessments', 'Section47', 'ChildProtectionPlans']);

type XmlNode = Readonly<Record<string, unknown>>;

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

/** Finds the `Child` elements: `Message/Children/Child`, or `Children/Child` at the top. */
function childrenOf(document: XmlNode): XmlNode[] | undefined {
  for (const candidate of [document, ...Object.values(document).filter(isNode)]) {
    if (candidate.Children === undefined) continue;
    const children = candidate.Children;
    return isNode(children) ? all(children, 'Child') : [];
  }
  return undefined;
}

/** The line of each character offset, for the rows of issues. */
function lineFinder(source: string): (offset: number | undefined) => number {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    if (offset === undefined) return 0;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

/**
 * Reads the records of one kind from the text of a CIN census XML file. Per `Child` (its `LAchildID` and
 * `PersonBirthDate`, in `ChildIdentifiers` or directly under it), per `CINdetails` episode:
 * - `referral`: `CINreferralDate`, `ReferralSource` → `source`;
 * - `assessment`: each `Assessments` element's `AssessmentActualStartDate` → `startDate`,
 *   `AssessmentAuthorisationDate` → `completedDate`;
 * - `cp-conference`: each `Section47`: `S47ActualStartDate` → both `strategyDiscussionDate` and `s47StartDate`,
 *   `DateOfInitialCPC` → `conferenceDate`, the episode's `CINreferralDate` → `referralDate`; an enquiry with
 *   `ICPCnotRequired` true, or without a conference date, is not a conference (listed in `skipped`);
 * - `cp-plan`: each `ChildProtectionPlans`: `CPPstartDate`, `CPPendDate`, `NumberOfPreviousCPP` →
 *   `previousPlans`.
 *
 * Ids are `<LAchildID>@<event date>`. `row` in issues is the line the event's element starts on. Text that is not
 * complete, well-formed XML (a truncated file) refuses the input (`unreadable`, row 0).
 *
 * @param kind - `referral`, `assessment`, `cp-conference` or `cp-plan`.
 * @param xml - the whole XML text.
 * @param options - as `parseRecords`: `dateFormat` (default `auto`), `strict` (default false), `file`.
 * @returns the records, the line of each, the issues, the accounting and the enquiries that are not conferences.
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
  if (!cinCensusKinds.includes(kind as CinCensusKind)) {
    throw new TypeError(
      `the CIN census gives ${cinCensusKinds.join(', ')} records, not ${JSON.stringify(kind)}`,
    );
  }
  const reader = createRecordReader(kind, options);
  const skipped: SkippedRow[] = [];
  const file = options.file;
  const finish = (): PresetReadResult<K> => ({ ...reader.result(), skipped });
  const source = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;

  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    const { msg, line } = valid.err;
    reader.refuse(
      0,
      `the file is not complete, well-formed XML (line ${line}: ${msg}): is it cut short? Expected a CIN census file, <Message> … <Children><Child>…</Child></Children></Message>`,
      null,
    );
    return finish();
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    removeNSPrefix: true,
    parseTagValue: false,
    trimValues: true,
    captureMetaData: true,
    isArray: (name) => REPEATING.has(name),
  });
  const document = parser.parse(source) as unknown;
  const children = isNode(document) ? childrenOf(document) : undefined;
  if (children === undefined) {
    reader.refuse(
      0,
      'no <Children> element: expected a CIN census file, <Message> … <Children><Child>…</Child></Children></Message>',
      null,
    );
    return finish();
  }
  const meta = XMLParser.getMetaDataSymbol() as unknown as string;
  const lineOf = lineFinder(source);
  const rowOf = (element: XmlNode): number =>
    lineOf((element[meta] as { startIndex?: number } | undefined)?.startIndex);
  const dateFormat = options.dateFormat ?? 'auto';
  const skip = (row: number, reason: SkippedRow['reason'], message: string): void => {
    skipped.push({ row, reason, message, ...(file === undefined ? {} : { file }) });
  };

  for (const child of children) {
    const identifiers = all(child, 'ChildIdentifiers')[0];
    const childId = text(identifiers, 'LAchildID') ?? text(child, 'LAchildID');
    const dateOfBirth = text(identifiers, 'PersonBirthDate') ?? text(child, 'PersonBirthDate');
    const about = { childId, ...(dateOfBirth === undefined ? {} : { dateOfBirth }) };
    for (const episode of all(child, 'CINdetails')) {
      const referralDate = text(episode, 'CINreferralDate');
      if (kind === 'referral') {
        reader.object(
          {
            id: eventId(childId, referralDate, dateFormat),
            ...about,
            referralDate,
            source: text(episode, 'ReferralSource'),
          },
          rowOf(episode),
        );
        continue;
      }
      if (kind === 'assessment') {
        for (const assessment of all(episode, 'Assessments')) {
          const startDate = text(assessment, 'AssessmentActualStartDate');
          reader.object(
            {
              id: eventId(childId, startDate, dateFormat),
              ...about,
              startDate,
              completedDate: text(assessment, 'AssessmentAuthorisationDate'),
            },
            rowOf(assessment),
          );
        }
        continue;
      }
      if (kind === 'cp-conference') {
        for (const enquiry of all(episode, 'Section47')) {
          const row = rowOf(enquiry);
          const notRequired = text(enquiry, 'ICPCnotRequired');
          const conferenceDate = text(enquiry, 'DateOfInitialCPC');
          if (isYes(notRequired)) {
            skip(
              row,
              'icpc-not-required',
              `ICPCnotRequired is ${notRequired}: the enquiry is not a conference`,
            );
            continue;
          }
          if (conferenceDate === undefined) {
            skip(
              row,
              'no-conference-date',
              'no DateOfInitialCPC: the enquiry has not (yet) led to a conference, so it is not a conference record',
            );
            continue;
          }
          const s47StartDate = text(enquiry, 'S47ActualStartDate');
          reader.object(
            {
              id: eventId(childId, conferenceDate, dateFormat),
              ...about,
              conferenceDate,
              type: 'initial',
              strategyDiscussionDate: s47StartDate,
              s47StartDate,
              referralDate,
            },
            row,
          );
        }
        continue;
      }
      for (const plan of all(episode, 'ChildProtectionPlans')) {
        const startDate = text(plan, 'CPPstartDate');
        reader.object(
          {
            id: eventId(childId, startDate, dateFormat),
            ...about,
            startDate,
            endDate: text(plan, 'CPPendDate'),
            previousPlans: text(plan, 'NumberOfPreviousCPP'),
          },
          rowOf(plan),
        );
      }
    }
  }
  return finish();
}
