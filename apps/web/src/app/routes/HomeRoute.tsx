import { useTranslation } from 'react-i18next';
import { PageHead } from '../../components/PageHead';
import { HomePage } from '../../home/components/HomePage';
import { SpaceList } from '../../spaces/components/SpaceList';

export function HomeRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageHead title={t('appName')} description={t('tagline')} />
      <section className="hero">
        <h1>{t('appName')}</h1>
        <p>{t('tagline')}</p>
      </section>
      <HomePage />
      <section aria-labelledby="spaces-title">
        <h2 id="spaces-title">{t('nav.spaces')}</h2>
        <SpaceList />
      </section>
    </>
  );
}
