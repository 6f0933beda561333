import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageSkeleton } from '../../components/Skeleton';
import { formatDateTime } from '../../lib/format';
import { CaughtMailsQuery } from '../api/mail';

/**
 * The built-in mail catcher (no SMTP_URL): every mail Parvis sent, as its recipient would read it.
 * The HTML body is shown in a sandboxed frame; its links are listed to follow them here.
 */
export function MailCatcher() {
  const { t, i18n } = useTranslation('mail');
  const { data, loading, error, refetch } = useQuery(CaughtMailsQuery, {
    variables: { first: 50 },
    fetchPolicy: 'cache-and-network',
  });
  const [openId, setOpenId] = useState<string | null>(null);

  if (error) return <ErrorNotice error={error} />;
  if (loading && !data) return <PageSkeleton />;
  const mails = data?.caughtMails ?? [];
  return (
    <section>
      <h1>{t('catcher.title')}</h1>
      <p>{t('catcher.intro')}</p>
      <button type="button" className="button" onClick={() => void refetch()}>
        {t('catcher.refresh')}
      </button>
      {mails.length === 0 && <p>{t('catcher.empty')}</p>}
      <ul className="mail-list">
        {mails.map((mail) => {
          const open = openId === mail.id;
          const links = [...new Set(mail.text.match(/https?:\/\/\S+/g) ?? [])];
          return (
            <li key={mail.id} className="mail-item">
              <button
                type="button"
                className="mail-summary"
                aria-expanded={open}
                onClick={() => setOpenId(open ? null : mail.id)}
              >
                <span className="mail-subject">{mail.subject}</span>{' '}
                <span className="mail-meta">
                  {t('catcher.to', { to: mail.to })} ·{' '}
                  {formatDateTime(mail.caughtAt, i18n.resolvedLanguage ?? 'en')}
                </span>
              </button>
              {open && (
                <div className="mail-body">
                  <p className="mail-meta">{t('catcher.from', { from: mail.from })}</p>
                  <iframe
                    title={t('catcher.htmlTitle', { subject: mail.subject })}
                    sandbox=""
                    srcDoc={mail.html}
                  />
                  <h2>{t('catcher.links')}</h2>
                  <ul>
                    {links.map((link) => (
                      <li key={link}>
                        <a href={link}>{link}</a>
                      </li>
                    ))}
                  </ul>
                  <details>
                    <summary>{t('catcher.text')}</summary>
                    <pre className="mail-text">{mail.text}</pre>
                  </details>
                  <details>
                    <summary>{t('catcher.headers')}</summary>
                    <dl>
                      {mail.headers.map((header) => (
                        <div key={header.name}>
                          <dt>{header.name}</dt>
                          <dd>{header.value}</dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
