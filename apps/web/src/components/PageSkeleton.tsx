import { useTranslation } from 'react-i18next';

/** The shape of a page while its code loads: a title and a few lines, instead of a blank screen. */
export function PageSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="skeleton" role="status" aria-busy="true">
      <span className="visually-hidden">{t('loading')}</span>
      <div className="skeleton-line skeleton-title" />
      <div className="skeleton-line" />
      <div className="skeleton-line" />
      <div className="skeleton-line skeleton-short" />
    </div>
  );
}
