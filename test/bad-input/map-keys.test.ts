import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { InputError } from '../../src/records/issues.js';
import { badInputs } from '../helpers/bad-input.js';
import { runBuiltCli } from '../helpers/cli.js';

const files = badInputs('map-keys');
// The export calls the completion date "Completion Date"; the map says "Date Completed". Before: the key was
// ignored, no assessment had a completion, and NI59 printed "n/a (0 of 0)" with exit 0.
const path = files.write(
  'ia.csv',
  'Ref,Child,Referral Date,Completion Date\nIA1,C1,01/10/2010,05/10/2010\nIA2,C2,01/10/2010,20/10/2010\n',
);
const map = files.write(
  'map.json',
  JSON.stringify({ Ref: 'id', Child: 'childId', 'Date Completed': 'completedDate', FTE: 'fte' }),
);
const columnMap = { Ref: 'id', Child: 'childId', 'Date Completed': 'completedDate', FTE: 'fte' };
const message =
  'the column map key "Date Completed" (for completedDate) matches no header of the file, so completedDate is not read from it: headers found: "Ref", "Child", "Referral Date", "Completion Date"';

describe('a column map key that matches no header (SPEC 13)', () => {
  it('is a warning naming the key and the headers; "FTE", for another kind, is none', async () => {
    const read = await readRecordsFile('initial-assessment', path, { columnMap });
    expect(read.warnings).toEqual([{ code: 'unmatched_map_key', message, file: path }]);
    // The figure's event date has no column: the CLI can refuse it (missing_column) from this list.
    expect(read.fieldsPresent).toEqual(['id', 'childId', 'referralDate']);
  });

  it('refuses the input under strict', async () => {
    const error = await readRecordsFile('initial-assessment', path, { columnMap, strict: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues).toEqual([]);
    expect((error as InputError).warnings).toEqual([{ code: 'unmatched_map_key', message, file: path }]);
  });

  it('through the CLI: --strict refuses it, naming the key and the headers (exit 1)', () => {
    const run = runBuiltCli([
      'compute',
      'NI59',
      '--input',
      path,
      '--map',
      map,
      '--period',
      '2010-10',
      '--strict',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `cs-indicators compute: ${path}: input refused (1 warning, --strict)\n  ${path}: ${message} [unmatched_map_key]\n`,
    );
  });
});
