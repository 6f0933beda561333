import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHead } from '../../components/PageHead';
import { usePage } from '../../lib/page';

export function NotFoundRoute() {
  const { t } = useTranslation();
  // An address no route knows: the server answers 404.
  usePage().reportNotFound?.();
  return (
    <section className="narrow">
      <PageHead title={t('notFound.title')} description={t('notFound.body')} noIndex />
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </section>
  );
}
