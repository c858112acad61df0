import type { IndicatorId, IndicatorUnit, Polarity } from '../indicators/index.js';

/**
 * What a target's value measures: the indicator's own unit (`percent`, `count`, `cases-per-fte`), or
 * `percent-change`, a % change of the indicator's figure from a baseline period (the Leeds plan's "10% increase in
 * the number of CAFs successfully closed").
 */
export type TargetUnit = IndicatorUnit | 'percent-change';

/**
 * Every target unit, in the order the docs list them.
 * @example targetUnits.includes('percent-change') //=> true
 */
export const targetUnits: readonly TargetUnit[] = ['percent', 'percent-change', 'cases-per-fte', 'count'];

/** Where a target comes from: the document, its file, the paragraph and the words. */
export interface TargetSource {
  /** The document's title (the target set's title), e.g. `Improvement Notice to Leeds City Council, …`. */
  readonly document: string;
  /**
   * The name of the plain-text transcription the words were copied from, e.g.
   * `sources/leeds-2010-improvement-notice.txt` for the built-in sets: a file of the project's development sources,
   * not shipped in the package. To check a target, find the published `document` and its paragraph `ref`.
   */
  readonly sourceFile: string;
  /** The paragraph of the document, e.g. `1.5.3`, when it has one. */
  readonly ref?: string;
  /** The document's words, quoted exactly. */
  readonly quote: string;
  /** How a vague wording was read (the period, the baseline…), when it needed reading. */
  readonly note?: string;
}

/** A target (SPEC 8): an indicator, a period, a value, the indicator's polarity, and where it comes from. */
export interface Target {
  /** The indicator, e.g. `NI59`. */
  readonly indicator: IndicatorId;
  /** The period, as written in the source data (`2010-06`, `2010-10..2011-03`, `FY2010`, `AY2010`…). */
  readonly period: string;
  /** The target value in `unit`: `72` (per cent), `22` (cases per FTE), `-10` (% change). */
  readonly value: number;
  /** What the value measures. */
  readonly unit: TargetUnit;
  /** Whether higher or lower is better: the indicator's polarity. */
  readonly polarity: Polarity;
  /** For a `percent-change` target, the period the change is measured from, e.g. `FY2009`. */
  readonly baseline?: string;
  /**
   * The indicator options the target's own words assume, when they say (`{ startEvent: 'referral' }` for "within 15
   * days of referral"). A report that computes the indicator with other options warns (`option_contradicts_target`).
   */
  readonly options?: Readonly<Record<string, string | number>>;
  /** Where the target comes from. */
  readonly source: TargetSource;
}

/** A set of targets from one document. */
export interface TargetSet {
  /** The set's id, e.g. `leeds-2010-notice`. */
  readonly id: string;
  /** The document's title. */
  readonly title: string;
  /** The name of the transcription the targets were copied from (see {@link TargetSource.sourceFile}). */
  readonly sourceFile: string;
  /** The targets, in the document's order. */
  readonly targets: readonly Target[];
}
