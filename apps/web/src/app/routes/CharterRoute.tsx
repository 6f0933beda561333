import { useTranslation } from 'react-i18next';
import { PageHead } from '../../components/PageHead';
import { CharterPage } from '../../moderation/components/CharterPage';

export function CharterRoute() {
  const { t } = useTranslation('moderation');
  return (
    <>
      <PageHead title={t('charter.title')} description={t('charter.intro')} />
      <CharterPage />
    </>
  );
}
