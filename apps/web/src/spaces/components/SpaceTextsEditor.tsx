import { useMutation, useQuery } from '@apollo/client/react';
import { hasAtLeastRole, LANGUAGES, SPACE_TEXT_LIMITS, textLength, type Language } from '@parvis/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageSkeleton } from '../../components/Skeleton';
import { PageHead } from '../../components/PageHead';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';
import type { SpaceTextsFieldsFragment } from '../../gql/graphql';
import { fieldErrors } from '../../lib/graphql-errors';
import { useViewer } from '../../lib/viewer';
import { SetSpaceTextsMutation, SpaceTextsQuery } from '../api/spaces';

/** What the editor reads of a space: its texts as written in each language, and its own language. */
export const SpaceTextsFields = graphql(`
  fragment SpaceTextsFields on Space {
    id
    name
    language
    texts {
      language
      name
      description
    }
  }
`);

type Field = 'name' | 'description';

/**
 * Admins name and describe each space in French, English and Spanish: one form per language,
 * prefilled with what is written in it. Readers of a language not written yet read the space's own.
 */
export function SpaceTextsEditor({ spaces }: { spaces: SpaceTextsFieldsFragment[] }) {
  return (
    <>
      {spaces.map((space) => (
        <SpaceSection key={space.id} space={space} />
      ))}
    </>
  );
}

function SpaceSection({ space }: { space: SpaceTextsFieldsFragment }) {
  const headingId = useId();
  return (
    <section className="space-texts" aria-labelledby={headingId}>
      <h2 id={headingId}>{space.name}</h2>
      <div className="space-texts-languages">
        {LANGUAGES.map((language) => (
          <LanguageForm key={language} space={space} language={language} />
        ))}
      </div>
    </section>
  );
}

function LanguageForm({ space, language }: { space: SpaceTextsFieldsFragment; language: Language }) {
  const { t, i18n } = useTranslation('spaces');
  const written = space.texts.find((texts) => texts.language === language);
  const [name, setName] = useState(written?.name ?? '');
  const [description, setDescription] = useState(written?.description ?? '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState(false);
  const [save, { loading, error }] = useMutation(SetSpaceTextsMutation);
  const descriptionId = useId();
  const languageName = t(`language.${language}`, { ns: 'common' });
  const own = language === space.language;

  const reason = (key: string, values: Record<string, number> = {}) =>
    t(`errors.reasons.${key}`, { ns: 'common', ...values });
  const validate = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    const nameLength = textLength(name.trim());
    if (nameLength < SPACE_TEXT_LIMITS.name.min) found.name = reason('REQUIRED');
    else if (nameLength > SPACE_TEXT_LIMITS.name.max)
      found.name = reason('TOO_LONG', { max: SPACE_TEXT_LIMITS.name.max });
    if (textLength(description.trim()) > SPACE_TEXT_LIMITS.description.max)
      found.description = reason('TOO_LONG', { max: SPACE_TEXT_LIMITS.description.max });
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await save({
        variables: {
          input: { spaceId: space.id, language, name: name.trim(), description: description.trim() },
        },
      });
      setSaved(true);
    } catch (problem) {
      const byField = fieldErrors(problem, i18n);
      setErrors({ name: byField.name?.message, description: byField.description?.message });
    }
  };

  const fieldProblem = errors.name ?? errors.description;
  const descriptionError = errors.description ? `${descriptionId}-error` : undefined;
  return (
    <form
      className="form space-texts-form"
      aria-label={t('texts.formLabel', { language: languageName, space: space.name })}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <fieldset>
        <legend lang={language}>{languageName}</legend>
        <p className="field-hint">{own ? t('texts.own') : t('texts.translation')}</p>
        <TextField
          label={t('texts.name')}
          value={name}
          lang={language}
          error={errors.name}
          onChange={(event) => setName(event.target.value)}
        />
        <div className="field">
          <label htmlFor={descriptionId}>{t('texts.description')}</label>
          <textarea
            id={descriptionId}
            rows={3}
            lang={language}
            value={description}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={descriptionError}
            onChange={(event) => setDescription(event.target.value)}
          />
          {errors.description && (
            <p id={descriptionError} className="field-error">
              {errors.description}
            </p>
          )}
        </div>
      </fieldset>
      {error && !fieldProblem && <ErrorNotice error={error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={loading}>
          {t('texts.save', { language: languageName })}
        </button>
        <span role="status">{saved ? t('texts.saved') : ''}</span>
      </div>
    </form>
  );
}

/** The admins' page of the spaces' names and descriptions; anyone else is told it is theirs. */
export function SpaceTextsPage() {
  const { t } = useTranslation('spaces');
  const { viewer, loading: viewerLoading } = useViewer();
  const isAdmin = viewer !== null && hasAtLeastRole(viewer.role, 'ADMIN');
  const { data, loading, error } = useQuery(SpaceTextsQuery, { skip: !isAdmin });
  const body = () => {
    if (viewerLoading) return <PageSkeleton />;
    if (!isAdmin) return <p className="notice">{t('texts.forAdmins')}</p>;
    if (error) return <ErrorNotice error={error} />;
    if (loading || !data) return <PageSkeleton />;
    return <SpaceTextsEditor spaces={data.spaces} />;
  };
  return (
    <section>
      <PageHead title={t('texts.title')} noIndex />
      <h1>{t('texts.title')}</h1>
      <p>{t('texts.intro')}</p>
      {body()}
    </section>
  );
}
