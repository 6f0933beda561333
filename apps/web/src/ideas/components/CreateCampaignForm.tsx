import { useMutation } from '@apollo/client/react';
import { IDEA_LIMITS } from '@parvis/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemMessage } from '../../components/ErrorNotice';
import { TextField } from '../../components/TextField';
import { fieldErrors } from '../../lib/graphql-errors';
import { CampaignsQuery, CreateCampaignMutation } from '../api/ideas';

type Field = 'title' | 'question' | 'opensAt' | 'closesAt' | 'votesPerMember' | 'form';

/** Staff and moderators ask the community a question for a limited time, optionally with a vote budget. */
export function CreateCampaignForm({
  spaceId,
  onCreated,
}: {
  spaceId: string;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation('ideas');
  const problemMessage = useProblemMessage();
  const [values, setValues] = useState({
    title: '',
    question: '',
    opensAt: '',
    closesAt: '',
    votesPerMember: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [create, { loading }] = useMutation(CreateCampaignMutation, { refetchQueries: [CampaignsQuery] });
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues({ ...values, [field]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!values.opensAt) found.opensAt = t('newCampaign.dateRequired');
    if (!values.closesAt) found.closesAt = t('newCampaign.dateRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const { data } = await create({
        variables: {
          input: {
            spaceId,
            title: values.title,
            question: values.question,
            opensAt: new Date(values.opensAt).toISOString(),
            closesAt: new Date(values.closesAt).toISOString(),
            votesPerMember: values.votesPerMember ? Number(values.votesPerMember) : null,
          },
        },
      });
      if (data) onCreated(data.createCampaign.id);
    } catch (caught) {
      const problems = fieldErrors(caught);
      setErrors(
        Object.fromEntries(
          Object.entries(problems).map(([field, problem]) => [field, problemMessage(problem)]),
        ),
      );
    }
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      {errors.form && (
        <div role="alert" className="notice notice-error">
          {errors.form}
        </div>
      )}
      <TextField
        label={t('newCampaign.title')}
        value={values.title}
        maxLength={IDEA_LIMITS.campaignTitle.max}
        onChange={set('title')}
        error={errors.title}
        required
      />
      <TextField
        label={t('newCampaign.question')}
        value={values.question}
        maxLength={IDEA_LIMITS.campaignQuestion.max}
        onChange={set('question')}
        error={errors.question}
        required
      />
      <TextField
        label={t('newCampaign.opensAt')}
        type="datetime-local"
        value={values.opensAt}
        onChange={set('opensAt')}
        error={errors.opensAt}
        required
      />
      <TextField
        label={t('newCampaign.closesAt')}
        type="datetime-local"
        value={values.closesAt}
        onChange={set('closesAt')}
        error={errors.closesAt}
        required
      />
      <TextField
        label={t('newCampaign.votesPerMember')}
        hint={t('newCampaign.votesPerMemberHint')}
        type="number"
        min={IDEA_LIMITS.votesPerMember.min}
        max={IDEA_LIMITS.votesPerMember.max}
        value={values.votesPerMember}
        onChange={set('votesPerMember')}
        error={errors.votesPerMember}
      />
      <button type="submit" className="button button-primary" disabled={loading}>
        {t('newCampaign.submit')}
      </button>
    </form>
  );
}
