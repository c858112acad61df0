import { type CinCensusKind, cinCensusXmlOf, createCinCensusShape } from '../../src/presets/cin-census.js';
import { InputError } from '../../src/records/issues.js';
import { createKeyNumbering } from '../../src/records/keys.js';
import { type Lanes, readSourceBy } from '../../src/records/read-source.js';
import type { Layout } from '../../src/records/shape.js';
import type { ByteSource } from '../../src/records/stages.js';

/** A census's bytes in the pieces given, as a file that can be read again (so that the lanes are tried). */
export const censusSource = (pieces: readonly Uint8Array[]) => ({
  name: 'census.xml',
  rereadable: true,
  chunks: async function* () {
    yield* pieces;
  },
});

/**
 * Everything a read of a CIN census of `kind` gives (the result and its JSON, whose order the keys' order shows, or
 * the strict mode's error) and the child numbering's size, read the way `lane` allows; `told` is told the way taken
 * (`onLane`) or what the byte lane did (`onBytes`).
 */
export async function censusOutcome(
  kind: CinCensusKind,
  input: readonly Uint8Array[] | ByteSource,
  lane: 'auto' | 'general',
  strict: boolean,
  told: Pick<Lanes, 'onLane' | 'onBytes'>,
) {
  const layout: Layout = {
    label: `CIN census ${kind} records`,
    shape: (next) => createCinCensusShape(kind, next),
    skips: true,
    xml: cinCensusXmlOf(kind),
  };
  const childNumbering = createKeyNumbering();
  try {
    const result = await readSourceBy(
      kind,
      Array.isArray(input) ? censusSource(input) : (input as ByteSource),
      'xml',
      layout,
      { strict, childNumbering },
      { lane, ...told },
    );
    return { result, order: JSON.stringify(result), numbered: childNumbering.size };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { thrown: { issues: error.issues, accounting: error.accounting, warnings: error.warnings } };
  }
}
