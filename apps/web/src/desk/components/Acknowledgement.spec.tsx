import { screen } from '@testing-library/react';
import { setDisplayTimeZone } from '../../lib/format';
import { renderWithProviders } from '../../testing/render';
import { Acknowledgement } from './Acknowledgement';
import { initials, ManagersOnDuty } from './ManagersOnDuty';

const sla = { __typename: 'Sla' as const, answerDueAt: '2026-11-24T09:00:00.000Z', answeredAt: null };
const sarah = { __typename: 'User' as const, id: 'u2', displayName: 'Sarah Martin', role: 'STAFF' as const };

describe('the acknowledgement line', () => {
  it('an open thread says when an answer is expected, in the reader’s language', () => {
    renderWithProviders(
      <Acknowledgement
        thread={{ __typename: 'Thread', id: 't', publicState: 'OPEN', acknowledgement: null, sla }}
      />,
    );
    expect(screen.getByText('Open')).toBeInTheDocument();
    expect(screen.getByText(/^Answer expected by Tuesday, November 24/)).toBeInTheDocument();
  });

  it('writes the expected time in the page’s display zone (as the server rendered it), not the browser’s', () => {
    setDisplayTimeZone('Asia/Tokyo');
    try {
      renderWithProviders(
        <Acknowledgement
          thread={{
            __typename: 'Thread',
            id: 't',
            publicState: 'OPEN',
            acknowledgement: null,
            sla: { ...sla, answerDueAt: '2026-11-24T20:00:00.000Z' },
          }}
        />,
      );
      // 20:00 UTC on Tuesday is 05:00 on Wednesday in Tokyo.
      expect(screen.getByText(/^Answer expected by Wednesday, November 25.*05:00/)).toBeInTheDocument();
    } finally {
      setDisplayTimeZone(undefined);
    }
  });

  it('names who is on it, with their role, once the brand took the thread', () => {
    renderWithProviders(
      <Acknowledgement
        thread={{
          __typename: 'Thread',
          id: 't',
          publicState: 'ACKNOWLEDGED',
          acknowledgement: { __typename: 'Acknowledgement', at: '2026-11-23T08:05:00.000Z', by: sarah },
          sla,
        }}
      />,
      { language: 'fr' },
    );
    expect(screen.getByText('Prise en charge')).toBeInTheDocument();
    expect(screen.getByText(/Sarah Martin s’en occupe/)).toBeInTheDocument();
    expect(screen.getByText(/Réponse attendue d’ici mardi 24 novembre/)).toBeInTheDocument();
  });

  it('an answered thread expects nothing more', () => {
    renderWithProviders(
      <Acknowledgement
        thread={{
          __typename: 'Thread',
          id: 't',
          publicState: 'ANSWERED',
          acknowledgement: { __typename: 'Acknowledgement', at: '2026-11-23T08:05:00.000Z', by: sarah },
          sla: { ...sla, answeredAt: '2026-11-23T10:00:00.000Z' },
        }}
      />,
      { language: 'es' },
    );
    expect(screen.getByText('Respondido')).toBeInTheDocument();
    expect(screen.queryByText(/Respuesta prevista/)).not.toBeInTheDocument();
  });
});

describe('managers on duty', () => {
  it('names today’s managers with their initials, in the reader’s language', () => {
    renderWithProviders(
      <ManagersOnDuty
        space={{
          __typename: 'Space',
          id: 's',
          managersOnDutyToday: [
            { __typename: 'User', id: 'a', displayName: 'Sarah (Parvis team)' },
            { __typename: 'User', id: 'b', displayName: 'Malik Benali' },
          ],
        }}
      />,
    );
    expect(
      screen.getByText('Today your community managers are Sarah (Parvis team) and Malik Benali'),
    ).toBeInTheDocument();
    expect(screen.getByTitle('Malik Benali')).toHaveTextContent('MB');
  });

  it('shows nothing when nobody is on duty today', () => {
    const { container } = renderWithProviders(
      <ManagersOnDuty space={{ __typename: 'Space', id: 's', managersOnDutyToday: [] }} />,
    );
    expect(container.querySelector('.managers-on-duty')).toBeNull();
  });

  it('initials skip a parenthesis and keep accented letters', () => {
    expect(initials('Sarah (Parvis team)')).toBe('S');
    expect(initials('Élodie Durand')).toBe('ÉD');
  });
});
