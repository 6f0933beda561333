import { CHARTER_RULES } from '@parvis/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The community charter: the only reasons to flag or hide, and what is never one. */
export function CharterPage() {
  const { t } = useTranslation('moderation');
  return (
    <article className="charter">
      <header className="page-header">
        <h1>{t('charter.title')}</h1>
        <p>{t('charter.intro')}</p>
      </header>
      <section aria-labelledby="charter-rules">
        <h2 id="charter-rules">{t('charter.rulesTitle')}</h2>
        <dl>
          {CHARTER_RULES.map((rule) => (
            <div key={rule}>
              <dt>{t(`rules.${rule}`)}</dt>
              <dd>{t(`ruleHelp.${rule}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="charter-not-a-reason">
        <h2 id="charter-not-a-reason">{t('charter.notAReasonTitle')}</h2>
        <p>{t('charter.notAReason')}</p>
      </section>
      <section aria-labelledby="charter-hiding">
        <h2 id="charter-hiding">{t('charter.hidingTitle')}</h2>
        <p>{t('charter.hiding')}</p>
        <p>
          <Link to="/moderation/log">{t('charter.logLink')}</Link>
        </p>
      </section>
    </article>
  );
}
