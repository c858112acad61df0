/**
 * The DfE children in need census XML (SPEC 12), streamed by the XML tokenizer: each `Child`'s referrals,
 * assessments, section 47 enquiries with their initial conferences, and child protection plans, as records whose ids
 * are the child and the event date.
 * @module
 */

import type { PlainRows } from '../records/check.js';
import { parseDateCell } from '../records/dates.js';
import { recordSpecs } from '../records/fields.js';
import { type InputIssue, inputIssue, type SkipReason } from '../records/issues.js';
import { readRecordsText } from '../records/read-source.js';
import type { ParseRecordsOptions } from '../records/record-reader.js';
import type { RecordKind } from '../records/schemas.js';
import type { Shape } from '../records/shape.js';
import { createKindShape } from '../records/shape-kind.js';
import type { RowExtras, ValuesSink } from '../records/stages.js';
import { XML_LINE, type XmlTokenizerOptions } from '../records/tokenize-xml.js';
import { readBoolean } from '../records/values.js';
import { listed, timesOf } from '../util/plural.js';
import { eventId, type PresetReadResult } from './preset-reader.js';

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

/** The elements the census's shape reads for each kind (by local name, at any depth in a `Child`). */
const cinCensusReads: Readonly<Record<CinCensusKind, readonly string[]>> = {
  referral: ['ChildIdentifiers', 'LAchildID', 'CINdetails', 'CINreferralDate', 'ReferralSource'],
  assessment: [
    'ChildIdentifiers',
    'LAchildID',
    'CINdetails',
    'CINreferralDate',
    'Assessments',
    'AssessmentActualStartDate',
    'AssessmentAuthorisationDate',
  ],
  'cp-conference': [
    'ChildIdentifiers',
    'LAchildID',
    'CINdetails',
    'CINreferralDate',
    'DateOfInitialCPC',
    'Section47',
    'ICPCnotRequired',
    'S47ActualStartDate',
  ],
  'cp-plan': [
    'ChildIdentifiers',
    'LAchildID',
    'CINdetails',
    'CINreferralDate',
    'ChildProtectionPlans',
    'CPPstartDate',
    'CPPendDate',
    'NumberOfPreviousCPP',
  ],
};

/**
 * {@link cinCensusXml} for one kind: the elements its shape does not read (a referral's assessments, a child's
 * birth date…) are matched as XML but not built, the larger part of a census for most kinds.
 *
 * @param kind - the record kind read; a kind the census does not give builds every element.
 * @returns the tokenizer's options.
 * @example
 * cinCensusXmlOf('referral').reads //=> ['ChildIdentifiers', 'LAchildID', 'CINdetails', 'CINreferralDate', 'ReferralSource']
 */
export function cinCensusXmlOf(kind: RecordKind): XmlTokenizerOptions {
  const reads = cinCensusReads[kind as CinCensusKind] as readonly string[] | undefined;
  return reads === undefined ? cinCensusXml : { ...cinCensusXml, reads };
}

type XmlNode = Readonly<Record<string | symbol, unknown>>;

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** No elements. */
const NONE: readonly XmlNode[] = [];

/**
 * The element's children named `name` that have children of their own, as a list whether it appears once, several
 * times or not at all: the tokenizer's own list when every one of them has (as in a census), not a copy.
 */
function all(element: XmlNode, name: string): readonly XmlNode[] {
  const value = element[name];
  if (value === undefined) return NONE;
  if (!Array.isArray(value)) return isNode(value) ? [value] : NONE;
  return value.every(isNode) ? (value as XmlNode[]) : value.filter(isNode);
}

/** The text of the element's child `name`, or undefined when it is absent or empty. */
function text(element: XmlNode | undefined, name: string): string | undefined {
  const value = element?.[name];
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The line an element starts on. */
function lineOf(element: XmlNode): number {
  return (element[XML_LINE] as number | undefined) ?? 0;
}

/** A value element the census holds once, given more than once in its parent: which, where, and the values. */
interface GivenTwice {
  /** The canonical field the element gives. */
  readonly field: string;
  /** The element's name (`CINreferralDate`). */
  readonly name: string;
  /** Its parent's name (`CINdetails`) and the line the parent starts on. */
  readonly parent: string;
  readonly parentLine: number;
  /** The values given, trimmed, in the file's order. */
  readonly values: readonly string[];
  /**
   * Where each value is given, in the order of `values`, when they are not all in one parent (`in the
   * <ChildIdentifiers> on line 4`): the parent is then the element that holds those places.
   */
  readonly places?: readonly string[];
}

/** A value the file gives for an element, as a message names it: its text trimmed, or `(an element)`. */
function shownValue(one: unknown): string {
  return typeof one === 'string' ? one.trim() : isNode(one) ? '(an element)' : String(one);
}

/**
 * The value element `name` of `element` when the file gives it more than once (the tokenizer then holds a list),
 * or undefined when it is given once or not at all. {@link text} reads such an element as absent: a record read on
 * would be "missing" a value the file gives twice.
 *
 * @param element - the parent, or undefined.
 * @param parent - the parent's name, for the message.
 * @param name - the element's name.
 * @param field - the field it gives.
 * @returns the repeat, or undefined.
 */
function givenTwice(
  element: XmlNode | undefined,
  parent: string,
  name: string,
  field: string,
): GivenTwice | undefined {
  const value = element?.[name];
  if (element === undefined || !Array.isArray(value) || value.length < 2) return undefined;
  return { field, name, parent, parentLine: lineOf(element), values: value.map(shownValue) };
}

/**
 * The issue of a value element given more than once, for the record at `row`: `duplicate_column`, as for a JSON item
 * that writes one key twice, naming the element, its parent's line and every value.
 *
 * @param twice - the repeat.
 * @param row - the record's row (the line of its event's element).
 * @returns the issue.
 * @example
 * const twice = { field: 'referralDate', name: 'CINreferralDate', parent: 'CINdetails', parentLine: 9, values: ['2012-05-01', '2012-05-03'] };
 * twiceIssue(twice, 9).message
 * //=> 'the <CINdetails> on line 9 gives <CINreferralDate> twice, "2012-05-01" and "2012-05-03": which one the file means cannot be known. Give it once'
 */
function twiceIssue(twice: GivenTwice, row: number): Omit<InputIssue, 'file'> {
  const { values, places } = twice;
  const shown = values.map((one, k) =>
    places === undefined ? JSON.stringify(one) : `${JSON.stringify(one)} (${places[k]})`,
  );
  return inputIssue({
    code: 'duplicate_column',
    row,
    field: twice.field,
    value: twice.name,
    message: `the <${twice.parent}>${twice.parentLine > 0 ? ` on line ${twice.parentLine}` : ''} gives <${twice.name}> ${timesOf(values.length)}, ${listed(shown)}: which one the file means cannot be known. Give it once`,
  });
}

/** The child's id as read, and its repeat when the child gives it more than once. */
interface ChildId {
  /** The id, trimmed; undefined when absent, empty, or given more than once. */
  readonly id: string | undefined;
  /** The repeat, when the child gives its id more than once. */
  readonly twice: GivenTwice | undefined;
}

/** The values a child element holds under `name`: none, one, or the tokenizer's list of those given. */
function givenUnder(element: XmlNode, name: string): readonly unknown[] {
  const value = element[name];
  return value === undefined ? NONE : Array.isArray(value) ? value : [value];
}

/**
 * The id of a `Child` read where the file may give it: the `LAchildID` of each of its `ChildIdentifiers` and any
 * directly under it. Given once, that one; given more than once, in one place or in several (two
 * `ChildIdentifiers`, or one and the `Child` itself), even as the same value, none: the repeat, naming where each
 * value stands, rejects each record of the child. A `ChildIdentifiers` that gives no `LAchildID` is passed over,
 * so the id in another is read. The common case (one `ChildIdentifiers`, no id beside it) is read in the shape
 * without this.
 *
 * @param child - the `Child` element.
 * @returns the id and its repeat.
 * @example
 * // <Child> on line 3, <ChildIdentifiers> on lines 4 and 7, each with an LAchildID:
 * childIdOf(child).twice?.values //=> ['C1', 'C2']
 * childIdOf(child).twice?.places //=> ['in the <ChildIdentifiers> on line 4', 'in the <ChildIdentifiers> on line 7']
 */
function childIdOf(child: XmlNode): ChildId {
  const values: string[] = [];
  const places: string[] = [];
  // The element holding the last value given, and how many hold one.
  let holder: XmlNode | undefined;
  let holders = 0;
  const read = (element: XmlNode, place: string): void => {
    const given = givenUnder(element, 'LAchildID');
    if (given.length === 0) return;
    holder = element;
    holders++;
    for (const one of given) {
      values.push(shownValue(one));
      places.push(place);
    }
  };
  for (const identifiers of givenUnder(child, 'ChildIdentifiers')) {
    if (!isNode(identifiers)) continue;
    const line = lineOf(identifiers);
    read(identifiers, `in the <ChildIdentifiers>${line > 0 ? ` on line ${line}` : ''}`);
  }
  read(child, 'in the <Child> itself');
  if (holder === undefined) return { id: undefined, twice: undefined };
  if (values.length === 1) return { id: text(holder, 'LAchildID'), twice: undefined };
  if (holders === 1) {
    // All in one parent: as any value element given twice there.
    const parent = holder === child ? 'Child' : 'ChildIdentifiers';
    return { id: undefined, twice: givenTwice(holder, parent, 'LAchildID', 'childId') };
  }
  const twice = {
    field: 'childId',
    name: 'LAchildID',
    parent: 'Child',
    parentLine: lineOf(child),
    values,
    places,
  };
  return { id: undefined, twice };
}

/** The repeats among those given, or undefined when there is none. */
function repeatsOf(...found: readonly (GivenTwice | undefined)[]): GivenTwice[] | undefined {
  const repeats = found.filter((one): one is GivenTwice => one !== undefined);
  return repeats.length > 0 ? repeats : undefined;
}

/**
 * The fields a census record of each kind gives, in the order its shape gives their values to
 * {@link Emitter.emit} (every one a canonical field of the kind).
 */
const givenFields: Readonly<Record<CinCensusKind, readonly string[]>> = {
  referral: ['id', 'childId', 'referralDate', 'source'],
  assessment: ['id', 'childId', 'startDate', 'completedDate'],
  'cp-conference': [
    'id',
    'childId',
    'conferenceDate',
    'type',
    'strategyDiscussionDate',
    's47StartDate',
    'referralDate',
  ],
  'cp-plan': ['id', 'childId', 'startDate', 'endDate', 'previousPlans'],
};

/** The values that are present, by the names given (an item, as the kind's shape reads one). */
function defined(names: readonly string[], values: readonly (string | undefined)[]): Record<string, string> {
  const kept: Record<string, string> = {};
  for (let k = 0; k < names.length; k++) {
    const value = values[k];
    if (value !== undefined) kept[names[k] as string] = value;
  }
  return kept;
}

/** The extras of a census record: a value it lacks is an item's missing key, as the kind's shape says. */
const ITEM: RowExtras = { blank: 'item' };

/** How a census shape's records reach the check stage. */
interface Emitter {
  /**
   * Gives one record's values to the check stage, at an element's line: those of the kind's {@link givenFields}, in
   * that order, undefined when absent.
   */
  emit(element: XmlNode, values: readonly (string | undefined)[]): void;
  /** The end of the input. */
  end(): void;
  /** Gives each record to the check stage's lane first (see `Shape.plainItems`); `direct` only. */
  plainItems?(rows: PlainRows): void;
}

/**
 * How the census's records reach the check stage: `direct` (each record's values put in the kind's field order and
 * given to the check stage at once, to its lane first when a reader gave the shape one: see `Shape.plainItems`) or
 * `item` (as an item, an object of the values present, through the kind's shape, `createKindShape`): the same
 * values, rows and fields present either way; `direct` makes no object of the values and looks up no key. `item` is
 * kept for tests that prove the two the same.
 */
export type CinCensusWay = 'direct' | 'item';

/**
 * The census's {@link Emitter}, the way given. `direct` does what the kind's shape does with an item whose keys are
 * all the kind's canonical fields (every name the census shape gives is one) and no column map (so nothing to warn
 * of at the end): each field told `present` the first time it has a value, the values in field order (absent:
 * undefined), blank values called an item's. Once a reader gives it the check stage's lane (`plainItems`), each
 * record goes to the lane first, as a sheet's row does, and to `values` only when the lane does not keep it.
 */
function emitterOf(kind: CinCensusKind, next: ValuesSink, way: CinCensusWay): Emitter {
  const names = givenFields[kind];
  if (way === 'item') {
    const records = createKindShape(kind, next);
    return {
      emit: (element, values) => records.item(defined(names, values), lineOf(element), {}),
      end: () => records.end(),
    };
  }
  const fields = recordSpecs[kind].fields;
  // The place of each value given among the kind's fields, and whether its field was told present.
  const fieldOf = names.map((name) => fields.findIndex((field) => field.name === name));
  const told = names.map(() => false);
  // One array for every record: the check stage reads the values during the call only. Only the places of the
  // values given are ever written, and each record writes every one of them (undefined when absent), so nothing of
  // the record before is left (a fill of the whole array took about 2% of a census's read).
  const given: (string | undefined)[] = fields.map(() => undefined);
  // The check stage's lane, once given, and where it finds each field: in its own place.
  let lane: PlainRows | undefined;
  const inPlace = fields.map((_, index) => index);
  const emit = (element: XmlNode, values: readonly (string | undefined)[]): void => {
    for (let k = 0; k < fieldOf.length; k++) {
      const value = values[k];
      given[fieldOf[k] as number] = value;
      if (value === undefined) continue;
      if (told[k] !== true) {
        told[k] = true;
        next.present(names[k] as string);
      }
    }
    const line = lineOf(element);
    if (lane === undefined || !lane.cells(given, inPlace, line)) next.values(given, undefined, line, ITEM);
  };
  return {
    emit,
    end: () => {},
    plainItems: (rows) => {
      lane = rows;
    },
  };
}

/** One conference of an episode, a section 47 enquiry that is not one (skipped), or a row that cannot be read. */
type EpisodeConference =
  | {
      readonly element: XmlNode;
      readonly conferenceDate: string;
      readonly s47StartDate: string | undefined;
    }
  | { readonly line: number; readonly skip: SkipReason; readonly message: string }
  | { readonly line: number; readonly issues: readonly Omit<InputIssue, 'file'>[] };

/** The day a date cell is, for comparing (`YYYY-MM-DD`), or the text as written when it cannot be read. */
function dayOf(date: string): string {
  const read = parseDateCell(date, { dateFormat: 'auto' });
  return read.ok ? read.date : date;
}

/**
 * The initial conferences of one `CINdetails` episode. The census records `DateOfInitialCPC` under each
 * `Section47` enquiry, and some returns record it on the episode itself (`CINdetails/DateOfInitialCPC`). The DfE's
 * rule is one conference whichever level holds it, so:
 * - an enquiry with its own `DateOfInitialCPC` is one conference;
 * - an enquiry without one takes the episode's date when the episode has one that no enquiry holds: the latest
 *   such enquiry started on or before it (any, when none has a start date);
 * - the episode's date held by no enquiry at all (an episode without a `Section47`) is one conference at the
 *   episode's line, with no start date (CPC15 then excludes it as missing its start event, saying so);
 * - the same date at both levels is one conference;
 * - an enquiry whose `ICPCnotRequired` is true, or that has no conference at either level, is not a conference
 *   (skipped, with the reason). `ICPCnotRequired` is read as a yes/no value (`true`, `false`, `1`, `0`…); any
 *   other value rejects the enquiry (`invalid_value`), never read as no.
 */
function conferencesOf(episode: XmlNode): EpisodeConference[] {
  const episodeDate = text(episode, 'DateOfInitialCPC');
  const episodeTwice = givenTwice(episode, 'CINdetails', 'DateOfInitialCPC', 'conferenceDate');
  const enquiries = all(episode, 'Section47').map((enquiry) => {
    const written = text(enquiry, 'ICPCnotRequired');
    const notRequired = readBoolean(written);
    return {
      enquiry,
      written,
      notRequired,
      own: text(enquiry, 'DateOfInitialCPC'),
      start: text(enquiry, 'S47ActualStartDate'),
      twice: repeatsOf(
        givenTwice(enquiry, 'Section47', 'ICPCnotRequired', 'icpcNotRequired'),
        givenTwice(enquiry, 'Section47', 'DateOfInitialCPC', 'conferenceDate'),
        givenTwice(enquiry, 'Section47', 'S47ActualStartDate', 's47StartDate'),
      ),
    };
  });
  const episodeDay = episodeDate === undefined ? undefined : dayOf(episodeDate);
  const held =
    episodeDay !== undefined && enquiries.some((e) => e.own !== undefined && dayOf(e.own) === episodeDay);
  // The enquiry the episode's date belongs to: the latest started on or before it among those without their own.
  let claimant: (typeof enquiries)[number] | undefined;
  if (episodeDay !== undefined && !held) {
    for (const candidate of enquiries) {
      if (candidate.own !== undefined || !candidate.notRequired.ok || candidate.notRequired.value === true)
        continue;
      const start = candidate.start === undefined ? undefined : dayOf(candidate.start);
      if (start !== undefined && start > episodeDay) continue;
      const best = claimant?.start === undefined ? undefined : dayOf(claimant.start);
      if (claimant === undefined || (start !== undefined && (best === undefined || start >= best)))
        claimant = candidate;
    }
  }
  const conferences: EpisodeConference[] = [];
  // The episode's date given twice: an enquiry that could take it is left out, never read as without a conference.
  let episodeTwiceTaken = false;
  for (const candidate of enquiries) {
    const { enquiry, written, notRequired } = candidate;
    const line = lineOf(enquiry);
    const twice =
      candidate.twice ??
      (episodeTwice !== undefined &&
      candidate.own === undefined &&
      !(notRequired.ok && notRequired.value === true)
        ? [episodeTwice]
        : undefined);
    if (twice !== undefined) {
      if (twice[0] === episodeTwice) episodeTwiceTaken = true;
      conferences.push({ line, issues: twice.map((one) => twiceIssue(one, line)) });
      continue;
    }
    if (!notRequired.ok) {
      conferences.push({
        line,
        issues: [
          inputIssue({
            code: 'invalid_value',
            row: line,
            field: 'icpcNotRequired',
            value: written ?? null,
            message: `ICPCnotRequired ${JSON.stringify(written)} is not a yes/no value: expected true or false (1 or 0)`,
          }),
        ],
      });
      continue;
    }
    if (notRequired.value === true) {
      conferences.push({
        line,
        skip: 'icpc-not-required',
        message: `ICPCnotRequired is ${written}: the enquiry is not a conference`,
      });
      continue;
    }
    const conferenceDate = candidate.own ?? (candidate === claimant ? episodeDate : undefined);
    if (conferenceDate === undefined) {
      conferences.push({
        line,
        skip: 'no-conference-date',
        message:
          'no DateOfInitialCPC, on the enquiry or its episode: the enquiry has not (yet) led to a conference, so it is not a conference record',
      });
      continue;
    }
    conferences.push({ element: enquiry, conferenceDate, s47StartDate: candidate.start });
  }
  if (episodeDate !== undefined && !held && claimant === undefined) {
    // The episode's conference, held by no enquiry: its start is the latest enquiry started on or before it.
    let s47StartDate: string | undefined;
    for (const { start } of enquiries) {
      if (start === undefined || episodeDay === undefined || dayOf(start) > episodeDay) continue;
      if (s47StartDate === undefined || dayOf(start) > dayOf(s47StartDate)) s47StartDate = start;
    }
    conferences.push({ element: episode, conferenceDate: episodeDate, s47StartDate });
  }
  if (episodeTwice !== undefined && !episodeTwiceTaken) {
    // Taken by no enquiry: a conference of the episode's own, unless each date given is an enquiry's own.
    const owns = new Set(enquiries.map((e) => (e.own === undefined ? undefined : dayOf(e.own))));
    if (!episodeTwice.values.every((value) => owns.has(dayOf(value)))) {
      const line = lineOf(episode);
      conferences.push({ line, issues: [twiceIssue(episodeTwice, line)] });
    }
  }
  return conferences;
}

/**
 * The shape of the CIN census for one record kind: each `Child` item gives one record per event of the kind, at
 * the line of the event's element. Per `Child` (its `LAchildID`, in `ChildIdentifiers` or directly under it; given
 * more than once, in one place or two, each record of the child is rejected: see `childIdOf`; the birth date is not
 * read), per `CINdetails` episode:
 * - `referral`: `CINreferralDate`, `ReferralSource` → `source`;
 * - `assessment`: each `Assessments` element's `AssessmentActualStartDate` → `startDate`,
 *   `AssessmentAuthorisationDate` → `completedDate`;
 * - `cp-conference`: each `Section47`: `S47ActualStartDate` → both `strategyDiscussionDate` and `s47StartDate`,
 *   `DateOfInitialCPC` (the enquiry's, or the episode's) → `conferenceDate`, the episode's `CINreferralDate` →
 *   `referralDate`; an enquiry with `ICPCnotRequired` true, or without a conference date, is not a conference
 *   (skipped, with the reason); an episode's own conference held by no enquiry is one too (see `conferencesOf`);
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
  return createCinCensusShapeBy(kind, next, options, 'direct');
}

/**
 * {@link createCinCensusShape}, the way its records reach the check stage chosen (internal: tests read a census
 * both ways).
 *
 * @param kind - `referral`, `assessment`, `cp-conference` or `cp-plan`.
 * @param next - the check stage.
 * @param options - `dateFormat` (default `auto`), for the ids made from dates.
 * @param way - `direct` or `item` (see {@link CinCensusWay}).
 * @returns the shape.
 * @throws {TypeError} for a kind the census does not give.
 * @example
 * const checker = createChecker('referral', { listsSkipped: true });
 * tokenizeXml(xml, cinCensusXml, createShaper(createCinCensusShapeBy('referral', checker, {}, 'item'), checker, { header: 'none' }));
 * checker.result({ file: 'census.xml', sha256: '', encoding: 'utf-8' }).records.length //=> 1
 */
export function createCinCensusShapeBy(
  kind: RecordKind,
  next: ValuesSink,
  options: Pick<ParseRecordsOptions, 'dateFormat'>,
  way: CinCensusWay,
): Shape {
  if (!cinCensusKinds.includes(kind as CinCensusKind)) {
    throw new TypeError(
      `the CIN census gives ${cinCensusKinds.join(', ')} records, not ${JSON.stringify(kind)}`,
    );
  }
  const { emit, end, plainItems } = emitterOf(kind as CinCensusKind, next, way);
  const dateFormat = options.dateFormat ?? 'auto';
  return {
    ...(plainItems === undefined ? {} : { plainItems }),
    knows: () => false,
    header: () => ({ fields: [], dates: [] }),
    row: () => {},
    item(value) {
      if (!isNode(value)) return;
      const child = value;
      // A value element given twice is read as absent by `text`: each record that reads it is rejected, saying so.
      // One `ChildIdentifiers` and no id directly under the child (a census as written) is read here; any other
      // layout (no `ChildIdentifiers`, two, or an id beside one) by `childIdOf`, which finds the id given twice.
      const identifiers = child.ChildIdentifiers;
      let childId: string | undefined;
      let childIdTwice: GivenTwice | undefined;
      if (isNode(identifiers) && child.LAchildID === undefined) {
        childId = text(identifiers, 'LAchildID');
        childIdTwice = givenTwice(identifiers, 'ChildIdentifiers', 'LAchildID', 'childId');
      } else ({ id: childId, twice: childIdTwice } = childIdOf(child));
      /** Emits a record, or rejects it when a value element it reads is given twice. */
      const emitOnce = (
        element: XmlNode,
        values: readonly (string | undefined)[],
        a?: GivenTwice,
        b?: GivenTwice,
        c?: GivenTwice,
      ): void => {
        if (childIdTwice === undefined && a === undefined && b === undefined && c === undefined) {
          emit(element, values);
          return;
        }
        const line = lineOf(element);
        const repeats = repeatsOf(childIdTwice, a, b, c) ?? [];
        next.rejected(
          line,
          repeats.map((one) => twiceIssue(one, line)),
        );
      };
      for (const episode of all(child, 'CINdetails')) {
        const referralDate = text(episode, 'CINreferralDate');
        const referralDateTwice = givenTwice(episode, 'CINdetails', 'CINreferralDate', 'referralDate');
        if (kind === 'referral') {
          emitOnce(
            episode,
            [
              eventId(childId, referralDate, dateFormat),
              childId,
              referralDate,
              text(episode, 'ReferralSource'),
            ],
            referralDateTwice,
            givenTwice(episode, 'CINdetails', 'ReferralSource', 'source'),
          );
        } else if (kind === 'assessment') {
          for (const assessment of all(episode, 'Assessments')) {
            const startDate = text(assessment, 'AssessmentActualStartDate');
            emitOnce(
              assessment,
              [
                eventId(childId, startDate, dateFormat),
                childId,
                startDate,
                text(assessment, 'AssessmentAuthorisationDate'),
              ],
              givenTwice(assessment, 'Assessments', 'AssessmentActualStartDate', 'startDate'),
              givenTwice(assessment, 'Assessments', 'AssessmentAuthorisationDate', 'completedDate'),
            );
          }
        } else if (kind === 'cp-conference') {
          conferencesOf(episode).forEach((conference) => {
            if ('skip' in conference) {
              next.skipped(conference.line, conference.skip, conference.message);
            } else if ('issues' in conference) {
              const more = repeatsOf(childIdTwice, referralDateTwice) ?? [];
              next.rejected(conference.line, [
                ...conference.issues,
                ...more.map((one) => twiceIssue(one, conference.line)),
              ]);
            } else {
              emitOnce(
                conference.element,
                [
                  eventId(childId, conference.conferenceDate, dateFormat),
                  childId,
                  conference.conferenceDate,
                  'initial',
                  conference.s47StartDate,
                  conference.s47StartDate,
                  referralDate,
                ],
                referralDateTwice,
              );
            }
          });
        } else {
          for (const plan of all(episode, 'ChildProtectionPlans')) {
            const startDate = text(plan, 'CPPstartDate');
            emitOnce(
              plan,
              [
                eventId(childId, startDate, dateFormat),
                childId,
                startDate,
                text(plan, 'CPPendDate'),
                text(plan, 'NumberOfPreviousCPP'),
              ],
              givenTwice(plan, 'ChildProtectionPlans', 'CPPstartDate', 'startDate'),
              givenTwice(plan, 'ChildProtectionPlans', 'CPPendDate', 'endDate'),
              givenTwice(plan, 'ChildProtectionPlans', 'NumberOfPreviousCPP', 'previousPlans'),
            );
          }
        }
      }
    },
    end,
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
      xml: cinCensusXmlOf(kind),
    },
    options,
  );
  return { ...result, skipped: result.skipped ?? [] };
}
