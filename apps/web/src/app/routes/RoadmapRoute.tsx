import { useTranslation } from 'react-i18next';
import { PageHead } from '../../components/PageHead';
import { Roadmap } from '../../ideas/components/Roadmap';

export function RoadmapRoute() {
  const { t } = useTranslation('ideas');
  return (
    <>
      <PageHead title={t('roadmap.title')} description={t('roadmap.intro')} />
      <Roadmap />
    </>
  );
}
