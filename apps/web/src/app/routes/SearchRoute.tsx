import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHead } from '../../components/PageHead';
import { SearchPage } from '../../search/components/SearchPage';

export function SearchRoute() {
  const { t } = useTranslation('search');
  const [params] = useSearchParams();
  const query = params.get('q');
  return (
    <>
      {/* Results pages are not for search engines' index: the threads they list are. */}
      <PageHead title={query ? `${t('heading')}: ${query}` : t('heading')} noIndex />
      <SearchPage />
    </>
  );
}
