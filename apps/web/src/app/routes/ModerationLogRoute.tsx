import { useTranslation } from 'react-i18next';
import { PageHead } from '../../components/PageHead';
import { ModerationLog } from '../../moderation/components/ModerationLog';

export function ModerationLogRoute() {
  const { t } = useTranslation('moderation');
  return (
    <>
      <PageHead title={t('log.title')} description={t('log.intro')} />
      <ModerationLog />
    </>
  );
}
