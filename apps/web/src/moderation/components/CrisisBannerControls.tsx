import { useMutation, useQuery } from '@apollo/client/react';
import { MODERATION_LIMITS } from '@parvis/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/TextField';
import { fieldErrors } from '../../lib/graphql-errors';
import {
  CrisisBannerQuery,
  PublishCrisisBannerMutation,
  TakeDownCrisisBannerMutation,
} from '../api/moderation';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Moderators publish the crisis banner (with its discussion thread, which gets pinned) and take it down. */
export function CrisisBannerControls() {
  const { t } = useTranslation('moderation');
  const { data } = useQuery(CrisisBannerQuery);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [thread, setThread] = useState('');
  // The banner every page shows is the one the API returned, or none once taken down.
  const [publish, publishing] = useMutation(PublishCrisisBannerMutation, {
    update: (cache, { data: published }) =>
      published &&
      cache.writeQuery({ query: CrisisBannerQuery, data: { crisisBanner: published.publishCrisisBanner } }),
  });
  const [takeDown, takingDown] = useMutation(TakeDownCrisisBannerMutation, {
    update: (cache) => cache.writeQuery({ query: CrisisBannerQuery, data: { crisisBanner: null } }),
  });
  const banner = data?.crisisBanner ?? null;
  const errors = fieldErrors(publishing.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const threadId = thread.match(UUID)?.[0] ?? (thread.trim() || null);
      await publish({ variables: { input: { title, bodyMarkdown: body, threadId } } });
      setTitle('');
      setBody('');
      setThread('');
    } catch {
      // Shown below.
    }
  };

  return (
    <section className="banner-controls" aria-labelledby="banner-controls-heading">
      <h2 id="banner-controls-heading">{t('banner.controls')}</h2>
      {banner ? (
        <>
          <p>{t('banner.current', { title: banner.title })}</p>
          <button
            type="button"
            className="button"
            disabled={takingDown.loading}
            onClick={() =>
              void takeDown({ variables: { input: { bannerId: banner.id } } }).catch(() => undefined)
            }
          >
            {t('banner.takeDown')}
          </button>
          {takingDown.error && <ErrorNotice error={takingDown.error} />}
        </>
      ) : (
        <form className="form" onSubmit={(event) => void submit(event)} noValidate>
          <TextField
            label={t('banner.titleField')}
            value={title}
            maxLength={MODERATION_LIMITS.bannerTitle.max}
            onChange={(e) => setTitle(e.target.value)}
            error={errors.title?.message}
          />
          <div className="field">
            <label htmlFor="banner-body">{t('banner.body')}</label>
            <textarea
              id="banner-body"
              rows={3}
              value={body}
              maxLength={MODERATION_LIMITS.bannerBody.max}
              onChange={(e) => setBody(e.target.value)}
            />
            {errors.bodyMarkdown && <p className="field-error">{errors.bodyMarkdown.message}</p>}
          </div>
          <TextField
            label={t('banner.thread')}
            hint={t('banner.threadHint')}
            value={thread}
            onChange={(e) => setThread(e.target.value)}
            error={errors.threadId?.message}
          />
          {errors.form && <ErrorNotice error={publishing.error} />}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={publishing.loading}>
              {t('banner.publish')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
