import type { IndicatorResult, Polarity } from '../indicators/index.js';
import type { SpcImprovement, SpcInput } from './spc.js';

/**
 * The direction of improvement of an indicator's polarity: `increase` when higher is better, `decrease` when lower.
 *
 * @param polarity - the indicator's polarity.
 * @returns the `improvement` option of `spc()`.
 * @example improvementOf('lower-is-better') //=> 'decrease'
 */
export function improvementOf(polarity: Polarity): SpcImprovement {
  return polarity === 'lower-is-better' ? 'decrease' : 'increase';
}

/**
 * An indicator's monthly results as the series `spc()` charts: one point per result, labelled with its month
 * (`2010-04`), its exact value as the nearest double, or null where the result has no value. The months before the
 * first one with a record in the population are null too: there the records say nothing (a count of 0 CAFs closed in
 * a month before the export begins is no data, not a zero).
 *
 * @param results - one result per calendar month, in time order.
 * @returns the series, one entry per result.
 * @example
 * monthlySeries(['2010-04', '2010-05'].map((month) => computeIndicator('NI59', records, month)))
 * //=> [{ label: '2010-04', value: 64.9 }, { label: '2010-05', value: 67.4 }]
 */
export function monthlySeries(results: readonly IndicatorResult[]): SpcInput[] {
  let started = false;
  return results.map((result) => {
    started ||= result.counts.inPopulation > 0;
    const value = started && result.value !== null ? Number(result.value.toString()) : null;
    return { label: result.period.start.slice(0, 7), value };
  });
}
