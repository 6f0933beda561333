import { useMutation, useQuery } from '@apollo/client/react';
import { IDEA_LIMITS } from '@parvis/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProblemMessage } from '../../components/ErrorNotice';
import { MarkdownEditor } from '../../components/MarkdownEditor';
import { TextField } from '../../components/TextField';
import { fieldErrors } from '../../lib/graphql-errors';
import { SimilarIdeasQuery, SubmitIdeaMutation } from '../api/ideas';
import { StatusBadge } from './StatusBadge';

const { title: TITLE } = IDEA_LIMITS;

/**
 * Proposing an idea. While the title is typed, ideas with a similar title are listed so that
 * people vote for an existing one instead of starting a duplicate.
 */
export function SubmitIdeaForm({
  campaign,
  onDone,
}: {
  campaign?: { id: string; title: string };
  onDone: (ideaId: string) => void;
}) {
  const { t } = useTranslation('ideas');
  const problemMessage = useProblemMessage();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<{ title?: string; body?: string; form?: string }>({});
  const [submitIdea, { loading }] = useMutation(SubmitIdeaMutation);
  const typed = useDebounced(title.trim(), 300);
  const { data: similar } = useQuery(SimilarIdeasQuery, {
    variables: { title: typed },
    skip: typed.length < 4,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      title:
        title.trim().length < TITLE.min || title.trim().length > TITLE.max
          ? t('submit.titleLength', TITLE)
          : undefined,
      body: body.trim() ? undefined : t('submit.bodyRequired'),
    };
    setErrors(found);
    if (found.title || found.body) return;
    try {
      const { data } = await submitIdea({
        variables: { input: { title, body, campaignId: campaign?.id ?? null } },
      });
      if (data) onDone(data.submitIdea.id);
    } catch (caught) {
      const problems = fieldErrors(caught);
      if (problems.form?.code === 'UNAUTHENTICATED') return setErrors({ form: t('submit.signIn') });
      setErrors({
        title: problems.title && problemMessage(problems.title),
        body: problems.body && problemMessage(problems.body),
        form: Object.entries(problems).find(([field]) => field !== 'title' && field !== 'body')?.[1].message,
      });
    }
  };

  const matches = typed.length >= 4 ? (similar?.similarIdeas ?? []) : [];
  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      {campaign && <p className="notice">{t('submit.campaign', { title: campaign.title })}</p>}
      {errors.form && (
        <div role="alert" className="notice notice-error">
          {errors.form}
        </div>
      )}
      <TextField
        label={t('submit.fieldTitle')}
        hint={t('submit.titleHint')}
        value={title}
        maxLength={TITLE.max}
        onChange={(e) => setTitle(e.target.value)}
        error={errors.title}
        required
      />
      {matches.length > 0 && (
        <section className="similar" aria-live="polite" aria-labelledby="similar-title">
          <p id="similar-title">{t('submit.similar')}</p>
          <ul>
            {matches.map((idea) => (
              <li key={idea.id}>
                <Link to={`/ideas/${idea.id}`}>{idea.title}</Link> <StatusBadge status={idea.status} /> ·{' '}
                {t('vote.votes', { count: idea.votesCount })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <MarkdownEditor
        label={t('submit.body')}
        hint={t('submit.bodyHint')}
        value={body}
        onChange={setBody}
        error={errors.body}
        rows={6}
      />
      <button type="submit" className="button button-primary" disabled={loading}>
        {loading ? t('submit.submitting') : t('submit.submit')}
      </button>
    </form>
  );
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
