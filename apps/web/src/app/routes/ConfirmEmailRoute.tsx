import { useTranslation } from 'react-i18next';
import { safeReturnPath } from '@parvis/domain';
import { useSearchParams } from 'react-router';
import { ConfirmEmail } from '../../identity/components/ConfirmEmail';
import { PageHead } from '../../components/PageHead';

export function ConfirmEmailRoute() {
  const { t } = useTranslation('identity');
  const [params] = useSearchParams();
  return (
    <section className="narrow">
      <PageHead title={t('confirm.title')} noIndex />
      <h1>{t('confirm.title')}</h1>
      <ConfirmEmail token={params.get('token') ?? ''} returnTo={safeReturnPath(params.get('returnTo'))} />
    </section>
  );
}
