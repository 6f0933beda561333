import { languageOrEnglish } from './limits';

describe('a person’s writing language', () => {
  it('is the language they chose, when Parvis speaks it', () => {
    expect(languageOrEnglish('es')).toBe('es');
  });

  it('is English when they chose none or one Parvis does not speak', () => {
    expect(languageOrEnglish(null)).toBe('en');
    expect(languageOrEnglish('de')).toBe('en');
  });
});
