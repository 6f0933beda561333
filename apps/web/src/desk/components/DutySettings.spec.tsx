import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ViewerQuery } from '../../lib/viewer';
import { renderWithProviders } from '../../testing/render';
import { DutySpacesQuery, MyDutyQuery, SetDutyScheduleMutation } from '../api/desk';
import { DutySettings } from './DutySettings';

const me = (role: string) => ({
  request: { query: ViewerQuery },
  result: {
    data: { me: { __typename: 'User', id: 'u1', displayName: 'Sarah Martin', role, reputation: 0 } },
  },
  maxUsageCount: 10,
});
const spaces = {
  request: { query: DutySpacesQuery },
  result: {
    data: {
      spaces: [
        { __typename: 'Space', id: 's1', name: 'Help', kind: 'HELP', timeZone: 'UTC', openingPeriods: null },
      ],
    },
  },
};

describe('duty hours', () => {
  it('staff set the days and hours they are on duty, in their time zone', async () => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const schedule = {
      __typename: 'DutySchedule',
      spaceId: 's1',
      timeZone,
      periods: [{ __typename: 'OpeningPeriod', day: 1, from: 540, to: 1080 }],
      exceptions: [],
    };
    renderWithProviders(<DutySettings />, {
      mocks: [
        me('STAFF'),
        spaces,
        { request: { query: MyDutyQuery, variables: { spaceId: 's1' } }, result: { data: { myDuty: null } } },
        {
          request: {
            query: SetDutyScheduleMutation,
            variables: { input: { spaceId: 's1', timeZone, periods: [{ day: 1, from: 540, to: 1080 }] } },
          },
          result: { data: { setDutySchedule: schedule } },
        },
      ],
    });
    // Three answers to wait for (who, the spaces, the duty): a loaded machine takes more than a second.
    await userEvent.click(
      await screen.findByRole('checkbox', { name: 'On duty on Monday' }, { timeout: 10_000 }),
    );
    expect(screen.getByLabelText('From, on Monday')).toHaveValue('09:00');
    expect(screen.getByLabelText('From, on Tuesday')).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Save my hours' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Your hours are saved.');
    // Only admins set the space's opening hours.
    expect(screen.queryByRole('heading', { name: 'Answer clocks of this space' })).not.toBeInTheDocument();
  });

  it('tells a member the page is not for them', async () => {
    renderWithProviders(<DutySettings />, { mocks: [me('MEMBER')] });
    expect(await screen.findByText('Only staff and moderators set duty hours.')).toBeInTheDocument();
  });
});
