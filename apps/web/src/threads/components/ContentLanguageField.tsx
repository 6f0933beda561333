import { LANGUAGES, languageOrEnglish, type Language } from '@parvis/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The language a new post is written in, starting from the reader's interface language. */
export function useContentLanguage() {
  const { i18n } = useTranslation();
  return useState<Language>(languageOrEnglish(i18n.resolvedLanguage));
}

/** Asks which language a new question or announcement is written in (search and readers use it). */
export function ContentLanguageField({
  value,
  onChange,
}: {
  value: Language;
  onChange: (language: Language) => void;
}) {
  const { t } = useTranslation('threads');
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('ask.language')}</label>
      <select id={id} value={value} onChange={(event) => onChange(languageOrEnglish(event.target.value))}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`, { ns: 'common' })}
          </option>
        ))}
      </select>
    </div>
  );
}
