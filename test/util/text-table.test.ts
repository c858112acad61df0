import { describe, expect, it } from 'vitest';
import { alignedTable } from '../../src/util/text-table.js';

describe('alignedTable', () => {
  it('pads each column to its widest cell, right-aligning numbers, leaving no trailing spaces', () => {
    // "team" is 4 wide, "North" 5: the first column is 5; "100.0%" makes the last 6.
    expect(
      alignedTable(
        [
          ['team', 'value'],
          ['North', '75.0%'],
          ['East', '100.0%'],
        ],
        { align: (i) => (i === 0 ? 'left' : 'right') },
      ),
    ).toEqual(['team    value', 'North   75.0%', 'East   100.0%']);
  });

  it('draws a rule under the header, and leaves a left-aligned last column unpadded', () => {
    expect(
      alignedTable(
        [
          ['row', 'message'],
          ['7', 'a long message'],
          ['12', 'short'],
        ],
        { align: (i) => (i === 0 ? 'right' : 'left'), headerRule: true },
      ),
    ).toEqual(['row  message', '---  --------------', '  7  a long message', ' 12  short']);
  });

  it('measures 200,000 rows without spreading them into a call', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [String(i), 'x']);
    const lines = alignedTable(rows, { align: () => 'right' });
    // The widest first cell is "199999", 6 characters: "0" is padded to 6.
    expect(lines[0]).toBe('     0  x');
    expect(lines).toHaveLength(200_000);
  });
});
