import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the bundled bank holiday tables', () => {
  it('are exactly what scripts/generate-holidays.mjs makes from date-holidays and the corrections today', async () => {
    // A non-literal specifier keeps the .mjs script out of the type check.
    const script = new URL('../../scripts/generate-holidays.mjs', import.meta.url).href;
    const generator = (await import(script)) as { render: () => string };
    const committed = readFileSync(
      new URL('../../src/calendar/data/bank-holidays.ts', import.meta.url),
      'utf8',
    );
    expect(generator.render()).toBe(committed);
  });
});
