import { useMutation, useQuery } from '@apollo/client/react';
import { formatClockTime, parseClockTime } from '@parvis/domain';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageSkeleton } from '../../components/Skeleton';
import { graphql } from '../../gql';
import { useViewer } from '../../lib/viewer';
import {
  DutySpacesQuery,
  MyDutyQuery,
  SetDutyExceptionMutation,
  SetDutyScheduleMutation,
  SetOpeningHoursMutation,
} from '../api/desk';

export const DutyScheduleFields = graphql(`
  fragment DutyScheduleFields on DutySchedule {
    spaceId
    timeZone
    periods {
      day
      from
      to
    }
    exceptions {
      date
      periods {
        from
        to
      }
    }
  }
`);

const DAYS = [1, 2, 3, 4, 5, 6, 7];

interface DayHours {
  on: boolean;
  from: string;
  to: string;
}

type Week = Record<number, DayHours>;
type Period = { day: number; from: number; to: number };

function weekOf(periods: readonly Period[] | null | undefined): Week {
  return Object.fromEntries(
    DAYS.map((day) => {
      const period = periods?.find((p) => p.day === day);
      return [
        day,
        period
          ? { on: true, from: formatClockTime(period.from), to: formatClockTime(period.to) }
          : { on: false, from: '09:00', to: '18:00' },
      ];
    }),
  );
}

/**
 * Staff set the hours they are on duty in each help space, one period a day, in their own time
 * zone, and mark dates off. The help space then names who is on duty today.
 */
export function DutySettings() {
  const { t } = useTranslation('desk');
  const { viewer, isStaff, loading: viewerLoading } = useViewer();
  const spaces = useQuery(DutySpacesQuery, { skip: !isStaff });
  const helpSpaces = (spaces.data?.spaces ?? []).filter((s) => s.kind === 'HELP');
  const [spaceId, setSpaceId] = useState('');
  const spaceSelect = useId();
  const chosen = spaceId || helpSpaces[0]?.id || '';
  const chosenSpace = helpSpaces.find((s) => s.id === chosen);
  const isAdmin = viewer?.role === 'ADMIN';

  if (viewerLoading) return <PageSkeleton />;
  if (!isStaff) return <p className="notice">{t('duty.staffOnly')}</p>;
  return (
    <section className="duty-settings" aria-labelledby="duty-heading">
      <header className="page-header">
        <h1 id="duty-heading">{t('duty.heading')}</h1>
        <p>{t('duty.intro')}</p>
      </header>
      {spaces.loading && <PageSkeleton />}
      <ErrorNotice error={spaces.error} />
      {helpSpaces.length > 1 && (
        <p>
          <label htmlFor={spaceSelect}>{t('duty.space')}</label>{' '}
          <select id={spaceSelect} value={chosen} onChange={(e) => setSpaceId(e.target.value)}>
            {helpSpaces.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </p>
      )}
      {chosen && <SpaceDuty spaceId={chosen} key={chosen} />}
      {isAdmin && chosenSpace && <SpaceHours space={chosenSpace} key={`hours-${chosenSpace.id}`} />}
    </section>
  );
}

function periodsOf(week: Week): Period[] {
  return DAYS.filter((day) => week[day].on).map((day) => ({
    day,
    from: parseClockTime(week[day].from) ?? 0,
    to: parseClockTime(week[day].to) ?? 0,
  }));
}

/** One period a day, Monday to Sunday: on or off, from, to. */
function WeekHours({ week, onChange, label }: { week: Week; onChange: (week: Week) => void; label: string }) {
  const { t } = useTranslation('desk');
  const set = (day: number, change: Partial<DayHours>) =>
    onChange({ ...week, [day]: { ...week[day], ...change } });
  return (
    <table aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t('duty.day')}</th>
          <th scope="col">{t('duty.onDuty')}</th>
          <th scope="col">{t('duty.from')}</th>
          <th scope="col">{t('duty.to')}</th>
        </tr>
      </thead>
      <tbody>
        {DAYS.map((day) => (
          <tr key={day}>
            <th scope="row">{t(`days.${day}`)}</th>
            <td>
              <input
                type="checkbox"
                aria-label={t('duty.onDutyOn', { day: t(`days.${day}`) })}
                checked={week[day].on}
                onChange={(e) => set(day, { on: e.target.checked })}
              />
            </td>
            <td>
              <input
                type="time"
                aria-label={t('duty.fromOn', { day: t(`days.${day}`) })}
                value={week[day].from}
                disabled={!week[day].on}
                onChange={(e) => set(day, { from: e.target.value })}
              />
            </td>
            <td>
              <input
                type="time"
                aria-label={t('duty.toOn', { day: t(`days.${day}`) })}
                value={week[day].to}
                disabled={!week[day].on}
                onChange={(e) => set(day, { to: e.target.value })}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Admins: the hours a space's answer clocks count, around the clock or its opening hours. */
function SpaceHours({
  space,
}: {
  space: { id: string; timeZone: string; openingPeriods?: Period[] | null };
}) {
  const { t } = useTranslation('desk');
  const zoneId = useId();
  const [alwaysOpen, setAlwaysOpen] = useState(!space.openingPeriods?.length);
  const [timeZone, setTimeZone] = useState(space.timeZone);
  const [week, setWeek] = useState<Week>(() => weekOf(space.openingPeriods));
  const [saved, setSaved] = useState(false);
  const [save, saving] = useMutation(SetOpeningHoursMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    try {
      await save({
        variables: { input: { spaceId: space.id, timeZone, periods: alwaysOpen ? null : periodsOf(week) } },
      });
      setSaved(true);
    } catch {
      // Shown by ErrorNotice.
    }
  };
  return (
    <form className="space-hours" onSubmit={(e) => void submit(e)}>
      <h2>{t('hours.heading')}</h2>
      <p>{t('hours.intro')}</p>
      <fieldset>
        <legend>{t('hours.clock')}</legend>
        <label>
          <input type="radio" checked={alwaysOpen} onChange={() => setAlwaysOpen(true)} /> {t('hours.always')}
        </label>{' '}
        <label>
          <input type="radio" checked={!alwaysOpen} onChange={() => setAlwaysOpen(false)} />{' '}
          {t('hours.opening')}
        </label>
      </fieldset>
      <p>
        <label htmlFor={zoneId}>{t('duty.timeZone')}</label>{' '}
        <input id={zoneId} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
      </p>
      {!alwaysOpen && <WeekHours week={week} onChange={setWeek} label={t('hours.opening')} />}
      <button type="submit" className="button" disabled={saving.loading}>
        {t('hours.save')}
      </button>
      {saved && <p role="status">{t('hours.saved')}</p>}
      <ErrorNotice error={saving.error} />
    </form>
  );
}

function SpaceDuty({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation('desk');
  const { data, loading, error } = useQuery(MyDutyQuery, { variables: { spaceId } });
  const [save, saving] = useMutation(SetDutyScheduleMutation);
  const [saveException, savingException] = useMutation(SetDutyExceptionMutation, {
    refetchQueries: [{ query: MyDutyQuery, variables: { spaceId } }],
  });
  const zoneId = useId();
  const dateId = useId();
  const [timeZone, setTimeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [week, setWeek] = useState<Week>(() => weekOf(null));
  const [dayOff, setDayOff] = useState('');
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (data?.myDuty) {
      setTimeZone(data.myDuty.timeZone);
      setWeek(weekOf(data.myDuty.periods));
    }
  }, [data?.myDuty]);

  if (loading && !data) return <PageSkeleton />;
  const periods = periodsOf(week);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    try {
      await save({ variables: { input: { spaceId, timeZone, periods } } });
      setSaved(true);
    } catch {
      // Shown by ErrorNotice.
    }
  };
  const submitDayOff = (event: FormEvent) => {
    event.preventDefault();
    if (dayOff)
      void saveException({ variables: { input: { spaceId, date: dayOff, periods: [] } } }).catch(
        () => undefined,
      );
  };
  return (
    <>
      <ErrorNotice error={error} />
      <form className="duty-week" onSubmit={(e) => void submit(e)}>
        <p>
          <label htmlFor={zoneId}>{t('duty.timeZone')}</label>{' '}
          <input id={zoneId} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
        </p>
        <WeekHours week={week} onChange={setWeek} label={t('duty.heading')} />
        <button type="submit" className="button" disabled={saving.loading}>
          {t('duty.save')}
        </button>
        {saved && <p role="status">{t('duty.saved')}</p>}
        <ErrorNotice error={saving.error} />
      </form>
      {data?.myDuty && (
        <form className="duty-exception" onSubmit={submitDayOff}>
          <h2>{t('duty.exceptions')}</h2>
          {data.myDuty.exceptions.length > 0 && (
            <ul>
              {data.myDuty.exceptions.map((e) => (
                <li key={e.date}>
                  {e.date} ·{' '}
                  {e.periods.length === 0
                    ? t('duty.off')
                    : e.periods.map((p) => `${formatClockTime(p.from)}–${formatClockTime(p.to)}`).join(', ')}
                </li>
              ))}
            </ul>
          )}
          <label htmlFor={dateId}>{t('duty.dayOff')}</label>{' '}
          <input id={dateId} type="date" value={dayOff} onChange={(e) => setDayOff(e.target.value)} />{' '}
          <button type="submit" className="button" disabled={!dayOff || savingException.loading}>
            {t('duty.addDayOff')}
          </button>
          <ErrorNotice error={savingException.error} />
        </form>
      )}
    </>
  );
}
