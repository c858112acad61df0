import { describe, expect, it } from 'vitest';
import {
  escapeControlCharacters,
  escapeControlCharactersKeepingLines,
} from '../../src/util/control-characters.js';

describe('escapeControlCharacters', () => {
  it('shows escape sequences, bells, carriage returns, tabs and bidi overrides as visible escapes', () => {
    // ESC [31m would colour the terminal red; ESC ]0; … BEL would retitle it; CR would overwrite the line;
    // U+202E would show the rest of the line reversed.
    expect(escapeControlCharacters('East\u001b[31m')).toBe('East\\x1b[31m');
    expect(escapeControlCharacters('\u001b]0;pwned\u0007')).toBe('\\x1b]0;pwned\\x07');
    expect(escapeControlCharacters('A\rB\tC\nD')).toBe('A\\rB\\tC\\nD');
    expect(escapeControlCharacters('Team\u202eraeW')).toBe('Team\\u202eraeW');
    expect(escapeControlCharacters('\u009b2J\u007f')).toBe('\\x9b2J\\x7f');
  });

  it('leaves other text, accents and all, as it is', () => {
    expect(escapeControlCharacters('Zoë Brontë – Leeds “East”')).toBe('Zoë Brontë – Leeds “East”');
  });
});

describe('escapeControlCharactersKeepingLines', () => {
  it('keeps the line feeds of a message of several lines', () => {
    expect(escapeControlCharactersKeepingLines('a\u0007\nb\r\n')).toBe('a\\x07\nb\\r\n');
  });
});
