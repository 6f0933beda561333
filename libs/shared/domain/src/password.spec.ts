import { passwordProblem } from './password';

describe('password rules', () => {
  it('accepts a long enough passphrase', () => {
    expect(passwordProblem('correct horse battery', 'ana@example.com')).toBeNull();
  });

  it('refuses a password shorter than 10 characters', () => {
    expect(passwordProblem('short1!', 'ana@example.com')).toBe('TOO_SHORT');
  });

  it('refuses a password longer than 200 characters', () => {
    expect(passwordProblem('x'.repeat(150) + 'y'.repeat(51))).toBe('TOO_LONG');
  });

  it('refuses one character repeated', () => {
    expect(passwordProblem('aaaaaaaaaaaa')).toBe('REPEATED');
  });

  it('refuses the e-mail address as password, whatever its case', () => {
    expect(passwordProblem('Ana.Long@Example.com', 'ana.long@example.com')).toBe('SAME_AS_EMAIL');
  });
});
