import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../testing/render';
import { SetIdeaStatusMutation } from '../api/ideas';
import { StaffControls } from './StaffControls';

describe('the staff controls', () => {
  it('offer only the statuses the road allows next', () => {
    renderWithProviders(<StaffControls idea={{ id: 'i1', status: 'PLANNED' }} canMerge={false} />);
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Under review', 'In progress', 'Launched', 'Declined']);
    expect(screen.queryByRole('heading', { name: 'Merge this duplicate' })).toBeNull();
  });

  it('ask for an official response before planning an idea, without calling the API', async () => {
    renderWithProviders(<StaffControls idea={{ id: 'i1', status: 'UNDER_REVIEW' }} canMerge />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('New status'), 'PLANNED');
    await user.click(screen.getByRole('button', { name: 'Change the status' }));
    expect(screen.getByLabelText('Official response')).toHaveAccessibleDescription(
      /Write an official response: voters will read it\./,
    );
  });

  it('send the status and the response, then say it is saved', async () => {
    renderWithProviders(<StaffControls idea={{ id: 'i1', status: 'UNDER_REVIEW' }} canMerge />, {
      mocks: [
        {
          request: {
            query: SetIdeaStatusMutation,
            variables: { input: { ideaId: 'i1', status: 'PLANNED', response: 'Coming in spring.' } },
          },
          result: {
            data: {
              setIdeaStatus: {
                __typename: 'Idea',
                id: 'i1',
                status: 'PLANNED',
                votingOpen: true,
                statusHistory: [],
              },
            },
          },
        },
      ],
    });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('New status'), 'PLANNED');
    await user.type(screen.getByLabelText('Official response'), 'Coming in spring.');
    await user.click(screen.getByRole('button', { name: 'Change the status' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
  });

  it('refuse a merge target that is not an idea link', async () => {
    renderWithProviders(<StaffControls idea={{ id: 'i1', status: 'NEW' }} canMerge />, {
      language: 'es',
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Enlace o identificador de la idea original'), 'la otra');
    await user.click(screen.getByRole('button', { name: 'Fusionar' }));
    expect(screen.getByLabelText('Enlace o identificador de la idea original')).toHaveAccessibleDescription(
      'Pegue el enlace o el identificador de una idea.',
    );
  });
});
