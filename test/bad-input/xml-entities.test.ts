import { describe, expect, it } from 'vitest';
import { readRecordsFile } from '../../src/node/read-records-file.js';
import { badInputs } from '../helpers/bad-input.js';
import { runBuiltCli } from '../helpers/cli.js';

const files = badInputs('xml');
const census = (prolog: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${prolog}<Message><Children><Child><ChildIdentifiers><LAchildID>C1</LAchildID></ChildIdentifiers><CINdetails><CINreferralDate>2012-05-01</CINreferralDate></CINdetails></Child></Children></Message>\n`;
// The "billion laughs": each entity ten of the one before.
const bomb = files.write(
  'bomb.xml',
  census(
    '<!DOCTYPE Message [\n<!ENTITY lol "lol">\n<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">\n]>\n',
  ),
);
const plain = files.write('plain-doctype.xml', census('<!DOCTYPE Message>\n'));

describe('XML entity declarations (SPEC 13)', () => {
  it('refuses a document that declares entities with a file-level issue, never a stack trace', async () => {
    const read = await readRecordsFile('referral', bomb);
    expect(read.readable).toBe(false);
    expect(read.issues).toEqual([
      {
        code: 'unreadable',
        severity: 'error',
        row: 0,
        field: null,
        value: null,
        message:
          'the XML declares entities (<!ENTITY …> in its DOCTYPE), which can expand without bound or read other files: they are refused. Export the file again without a DTD',
        file: bomb,
      },
    ]);
    expect(read.accounting).toMatchObject({ rowsRead: 0, rowsAccepted: 0 });
  });

  it('reads a document with a bare <!DOCTYPE x>', async () => {
    const read = await readRecordsFile('referral', plain);
    expect(read.records).toEqual([{ id: 'C1@2012-05-01', childId: 'C1', referralDate: '2012-05-01' }]);
  });

  it('through the CLI: exit 1 naming the file and why; exit 0 for the bare DOCTYPE', () => {
    const refused = runBuiltCli(['validate', '--kind', 'referral', '--input', bomb]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `cs-indicators validate: ${bomb}: cannot be read as referral records\n  ${bomb}: the XML declares entities (<!ENTITY …> in its DOCTYPE), which can expand without bound or read other files: they are refused. Export the file again without a DTD [unreadable]\n`,
    );
    expect(runBuiltCli(['validate', '--kind', 'referral', '--input', plain]).code).toBe(0);
  });
});
