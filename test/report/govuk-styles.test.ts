import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOVUK_FRONTEND_VERSION, GOVUK_STYLES } from '../../src/report/govuk-styles.js';

describe('the inlined govuk-frontend styles', () => {
  it('are exactly what scripts/generate-govuk-styles.mjs makes from the installed govuk-frontend', async () => {
    // A non-literal specifier keeps the .mjs script out of the type check.
    const script = new URL('../../scripts/generate-govuk-styles.mjs', import.meta.url).href;
    const generator = (await import(script)) as { render: () => string };
    const committed = readFileSync(new URL('../../src/report/govuk-styles.ts', import.meta.url), 'utf8');
    expect(generator.render()).toBe(committed);
  });

  it('make no request: no font, no url(), no @import, and no GDS Transport (for GOV.UK services only)', () => {
    expect(GOVUK_STYLES).not.toMatch(/@font-face|url\(|@import|GDS Transport|sourceMappingURL/i);
    // The fonts fall back to the family govuk-frontend names after GDS Transport.
    expect(GOVUK_STYLES).toContain(
      '.govuk-body,.govuk-body-m{margin-top:0;color:var(--govuk-text-colour,#0b0c0c);font-family:arial,sans-serif',
    );
    expect(GOVUK_FRONTEND_VERSION).toMatch(/^6\./);
  });

  it('keep the rules the report uses', () => {
    for (const selector of [
      '.govuk-table__caption',
      '.govuk-tag--green',
      '.govuk-details__summary',
      '.govuk-template__body',
    ]) {
      expect(GOVUK_STYLES).toContain(selector);
    }
  });
});
