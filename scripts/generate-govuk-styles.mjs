#!/usr/bin/env node
// Writes src/report/govuk-styles.ts: govuk-frontend's compiled stylesheet as a string, ready to inline into the
// standalone HTML report. Made safe to view offline: every @font-face rule and every declaration whose value has
// url( (the GDS Transport fonts, the crest) are removed, the `GDS Transport` family (for GOV.UK services only) is
// replaced by `arial, sans-serif`, and comments (the source map link, the font's copyright) are dropped. Run
// `node scripts/generate-govuk-styles.mjs` after upgrading govuk-frontend; test/report/govuk-styles.test.ts fails when
// the committed file and a fresh run disagree.
import { readFileSync, writeFileSync } from 'node:fs';

const packageUrl = new URL('../node_modules/govuk-frontend/package.json', import.meta.url);
const stylesheetUrl = new URL(
  '../node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css',
  import.meta.url,
);
const outputUrl = new URL('../src/report/govuk-styles.ts', import.meta.url);

/** Skips a comment or a string starting at `i`; returns the index after it, or `i` when there is none. */
function skipCommentOrString(css, i) {
  if (css[i] === '/' && css[i + 1] === '*') {
    const end = css.indexOf('*/', i + 2);
    if (end === -1) throw new SyntaxError(`unterminated comment at ${i}`);
    return end + 2;
  }
  const quote = css[i];
  if (quote === '"' || quote === "'") {
    let j = i + 1;
    while (j < css.length && css[j] !== quote) j += css[j] === '\\' ? 2 : 1;
    if (j >= css.length) throw new SyntaxError(`unterminated string at ${i}`);
    return j + 1;
  }
  return i;
}

/** `css` without its comments (strings kept as they are). */
function stripComments(css) {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const next = skipCommentOrString(css, i);
    if (next === i) {
      out += css[i];
      i += 1;
    } else {
      if (css[i] !== '/') out += css.slice(i, next);
      i = next;
    }
  }
  return out;
}

/**
 * Splits the contents of a block into its items: `{ prelude, body }` for a rule or block at-rule, `{ text }` for a
 * declaration or statement at-rule. Strings and brackets are respected, so a `;` or `}` in `content:"…"` is no end.
 */
function items(css) {
  const out = [];
  let i = 0;
  while (i < css.length) {
    while (i < css.length && /\s|;/.test(css[i])) i += 1;
    if (i >= css.length) break;
    const start = i;
    let parens = 0;
    while (i < css.length) {
      const next = skipCommentOrString(css, i);
      if (next !== i) {
        i = next;
        continue;
      }
      const char = css[i];
      if (char === '(') parens += 1;
      else if (char === ')') parens -= 1;
      else if (parens === 0 && (char === ';' || char === '{' || char === '}')) break;
      i += 1;
    }
    if (css[i] === '{') {
      const prelude = css.slice(start, i).trim();
      let depth = 1;
      const bodyStart = i + 1;
      i += 1;
      while (i < css.length && depth > 0) {
        const next = skipCommentOrString(css, i);
        if (next !== i) {
          i = next;
          continue;
        }
        if (css[i] === '{') depth += 1;
        else if (css[i] === '}') depth -= 1;
        i += 1;
      }
      if (depth !== 0) throw new SyntaxError(`unbalanced braces after ${prelude.slice(0, 60)}`);
      out.push({ prelude, body: css.slice(bodyStart, i - 1) });
    } else {
      const text = css.slice(start, i).trim();
      if (text) out.push({ text });
      i += 1;
    }
  }
  return out;
}

/** A font-family value without GDS Transport: `GDS Transport,arial,sans-serif` → `arial,sans-serif`. */
function withoutGdsTransport(value) {
  const important = /\s*!important$/i.exec(value)?.[0] ?? '';
  const families = value
    .slice(0, value.length - important.length)
    .split(',')
    .map((family) => family.trim())
    .filter((family) => family.replace(/^["']|["']$/g, '').toLowerCase() !== 'gds transport');
  if (!families.some((family) => family.toLowerCase() === 'arial')) families.unshift('arial');
  if (!families.some((family) => family.toLowerCase() === 'sans-serif')) families.push('sans-serif');
  return `${families.join(',')}${important}`;
}

/** A declaration or statement, made safe; null when it is dropped. */
function declaration(text) {
  if (/^@charset\b/i.test(text)) return null; // meaningless inside a <style> element
  if (/^@import\b/i.test(text)) return null; // would be a request
  if (/url\(/i.test(text)) return null; // fonts, the crest: requests to /assets/…
  const colon = text.indexOf(':');
  if (
    colon > 0 &&
    text.slice(0, colon).trim().toLowerCase() === 'font-family' &&
    /gds transport/i.test(text)
  ) {
    return `font-family:${withoutGdsTransport(text.slice(colon + 1).trim())}`;
  }
  return text;
}

/** The contents of a block, made safe: rules keep their preludes, empty rules are dropped. */
function block(css) {
  const out = [];
  let declarations = [];
  const flush = () => {
    if (declarations.length > 0) out.push(declarations.join(';'));
    declarations = [];
  };
  for (const item of items(css)) {
    if ('text' in item) {
      const kept = declaration(item.text);
      if (kept !== null) declarations.push(kept);
      continue;
    }
    if (/^@font-face\b/i.test(item.prelude)) continue;
    const body = block(item.body);
    if (body === '') continue;
    flush();
    out.push(`${item.prelude}{${body}}`);
  }
  flush();
  return out.join('');
}

/** govuk-frontend's version, from its package.json. */
export function govukFrontendVersion() {
  return JSON.parse(readFileSync(packageUrl, 'utf8')).version;
}

/** govuk-frontend's stylesheet, made safe to inline into a page viewed offline. */
export function safeStylesheet() {
  const css = block(stripComments(readFileSync(stylesheetUrl, 'utf8')));
  for (const [pattern, what] of [
    [/url\(/i, 'url('],
    [/@font-face/i, '@font-face'],
    [/@import/i, '@import'],
    [/gds transport/i, 'GDS Transport'],
    [/<\//, '</'],
  ]) {
    if (pattern.test(css)) throw new Error(`the stylesheet still has ${what}`);
  }
  return css;
}

/** The text of src/report/govuk-styles.ts. */
export function render() {
  const version = govukFrontendVersion();
  return [
    `// Generated by scripts/generate-govuk-styles.mjs from govuk-frontend ${version}`,
    '// (dist/govuk/govuk-frontend.min.css; MIT licence, Copyright (c) Crown Copyright (Government Digital Service)).',
    '// Without @font-face rules, declarations with a url value, comments, GDS Transport replaced by arial, sans-serif.',
    '// Do not edit by hand: run `node scripts/generate-govuk-styles.mjs`.',
    '',
    '/**',
    ' * The govuk-frontend version the styles come from.',
    ` * @example GOVUK_FRONTEND_VERSION //=> '${version}'`,
    ' */',
    `export const GOVUK_FRONTEND_VERSION = ${JSON.stringify(version)};`,
    '',
    '/**',
    " * govuk-frontend's stylesheet, safe to inline into a page viewed offline: it makes no request.",
    " * @example GOVUK_STYLES.includes('@font-face') //=> false",
    ' */',
    `export const GOVUK_STYLES = ${JSON.stringify(safeStylesheet())};`,
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  writeFileSync(outputUrl, render());
  console.log(`wrote src/report/govuk-styles.ts (govuk-frontend ${govukFrontendVersion()})`);
}
