import { isVisiblyEmpty, textLength, textProblem } from './text';

describe('the rule every string passes', () => {
  it('accepts any language, emoji, tabs and line breaks', () => {
    for (const text of ['Bonjour à tous', 'مرحبا', '你好', '❤️👩‍👩‍👧', 'a\tb\nc\r\nd', '\u200f\u202eRTL']) {
      expect(textProblem(text)).toBeNull();
    }
  });

  it('refuses NUL and every other control character', () => {
    for (const text of ['a\u0000b', '\u0007', 'x\u001b[31m', '\u007f', '\u0085', '\u009f']) {
      expect(textProblem(text)).toBe('CONTROL_CHARACTER');
    }
  });

  it('refuses half of a surrogate pair, at either end of the string', () => {
    for (const text of ['\ud800', 'a\udc00', 'x\ud83d', '\ude00y']) {
      expect(textProblem(text)).toBe('INVALID_CHARACTER');
    }
  });
});

describe('the length of a string', () => {
  it('counts code points, as PostgreSQL does: an emoji with its variation selector is 2', () => {
    expect(textLength('❤️')).toBe(2);
    expect(textLength('😀')).toBe(1);
    expect(textLength('é')).toBe(1);
    expect(textLength('e\u0301')).toBe(2);
    expect(textLength('❤️'.repeat(21))).toBe(42);
  });
});

describe('a string that shows nothing', () => {
  it('is empty, spaces or invisible characters only', () => {
    for (const text of ['', '   ', '\u200b', '\u200b\u200c\u200d\ufeff', '\u3164\u3164', '\u2800', '\n\t']) {
      expect(isVisiblyEmpty(text)).toBe(true);
    }
  });

  it('is not a word, an emoji or a single dot', () => {
    for (const text of ['a', '❤️', '.', '\u200bx']) expect(isVisiblyEmpty(text)).toBe(false);
  });
});
