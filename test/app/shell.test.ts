import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appPage, pageData } from '../../src/app/shell.js';

const parts = {
  script: 'document.title = "a < b";',
  worker: 'postMessage("</script><!-- <script>")',
  version: '9.9.9',
};

/** The hash a browser compares with the policy: SHA-256 of the element's text, in base64. */
const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('appPage', () => {
  it('allows by hash exactly its script and its two style elements, and nothing remote', () => {
    const html = appPage(parts);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '');
    expect(styles).toHaveLength(2);
    expect(policy).toBe(
      [
        "default-src 'none'",
        `script-src ${hashOf(parts.script)}`,
        `style-src ${styles.map(hashOf).join(' ')}`,
        'worker-src blob:',
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; '),
    );
    expect(html).toContain(`<script>${parts.script}</script>`);
  });

  it("keeps the worker's code as JSON with every < escaped, so no sequence in it ends its element", () => {
    const html = appPage(parts);
    const json =
      /<script type="application\/json" id="csi-worker">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toBe(parts.worker);
  });

  it('refuses a page script holding a sequence that would end or confuse its element', () => {
    expect(() => appPage({ ...parts, script: 'let s = "</script>";' })).toThrow(
      'the page script holds "</script", which would end or confuse its <script> element',
    );
    expect(() => appPage({ ...parts, script: 'let s = "<!--";' })).toThrow('holds "<!--"');
  });
});

describe('pageData', () => {
  it('lists every record kind with the presets that give it, and each indicator with the kinds it reads', () => {
    const data = pageData('1.0.0');
    expect(data.kinds.find((kind) => kind.kind === 'referral')?.presets).toEqual(['annex-a', 'cin-census']);
    expect(data.indicators.find((indicator) => indicator.id === 'CASELOAD')?.kinds).toEqual([
      'allocation',
      'worker',
    ]);
    expect(data.indicators.find((indicator) => indicator.id === 'ASSESS45')?.kinds).toEqual([
      'assessment',
      'referral',
    ]);
    expect(data.indicators).toHaveLength(17);
  });
});
