import { useParams } from 'react-router';
import { PrivateFollowUpView } from '../../threads/components/PrivateFollowUpView';
import { PageHead } from '../../components/PageHead';
import { useTranslation } from 'react-i18next';

export function PrivateFollowUpRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation('threads');
  return (
    <>
      <PageHead title={t('followUp.heading')} noIndex />
      <PrivateFollowUpView id={id} />
    </>
  );
}
