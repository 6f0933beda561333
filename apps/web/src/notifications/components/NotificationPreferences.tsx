import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageSkeleton } from '../../components/Skeleton';
import type { NotificationDelivery } from '../../gql/graphql';
import { apiProblems } from '../../lib/graphql-errors';
import {
  NotificationSettingsQuery,
  SetNotificationPreferenceMutation,
  SetNotificationTimeZoneMutation,
} from '../api/notifications';

const DELIVERIES: NotificationDelivery[] = ['IN_APP', 'EMAIL', 'DAILY', 'WEEKLY', 'OFF'];

/**
 * How the signed-in person hears of each kind of event: in the app only, by e-mail at once, in
 * the daily or weekly digest, or not at all; and the time zone of the digest hour.
 */
export function NotificationPreferences() {
  const { t } = useTranslation('notifications');
  const { data, loading, error } = useQuery(NotificationSettingsQuery);
  const [setPreference, preferenceState] = useMutation(SetNotificationPreferenceMutation);
  const [setTimeZone, timeZoneState] = useMutation(SetNotificationTimeZoneMutation);
  const [zone, setZone] = useState<string | null>(null);
  if (loading && !data) return <PageSkeleton />;
  if (apiProblems(error)[0]?.code === 'UNAUTHENTICATED') return <p>{t('signIn')}</p>;
  if (!data) return <ErrorNotice error={error} />;
  const settings = data.notificationSettings;

  return (
    <section aria-labelledby="preferences-title" className="notification-preferences">
      <h1 id="preferences-title">{t('preferences.title')}</h1>
      <p>{t('preferences.intro', { hour: settings.digestHour })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('preferences.event')}</th>
            <th scope="col">{t('preferences.delivery')}</th>
          </tr>
        </thead>
        <tbody>
          {settings.preferences.map(({ kind, delivery }) => (
            <tr key={kind}>
              <th scope="row">
                <label htmlFor={`delivery-${kind}`}>{t(`preferences.kinds.${kind}`)}</label>
              </th>
              <td>
                <select
                  id={`delivery-${kind}`}
                  value={delivery}
                  disabled={preferenceState.loading}
                  onChange={(event) =>
                    void setPreference({
                      variables: { input: { kind, delivery: event.target.value as NotificationDelivery } },
                    })
                  }
                >
                  {DELIVERIES.map((d) => (
                    <option key={d} value={d}>
                      {t(`preferences.deliveries.${d}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {preferenceState.error && <ErrorNotice error={preferenceState.error} />}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (zone) void setTimeZone({ variables: { input: { timeZone: zone } } });
        }}
      >
        <div className="field">
          <label htmlFor="digest-time-zone">{t('preferences.timeZone')}</label>
          <input
            id="digest-time-zone"
            value={zone ?? settings.timeZone}
            onChange={(event) => setZone(event.target.value)}
            list="time-zones"
          />
          <datalist id="time-zones">
            {[
              'Europe/Paris',
              'Europe/Madrid',
              'Europe/London',
              'America/New_York',
              'America/Mexico_City',
              'UTC',
            ].map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </div>
        {timeZoneState.error && <ErrorNotice error={timeZoneState.error} />}
        <button type="submit" className="button" disabled={timeZoneState.loading}>
          {t('preferences.saveTimeZone')}
        </button>
      </form>
    </section>
  );
}
