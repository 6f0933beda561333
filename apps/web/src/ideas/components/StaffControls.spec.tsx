import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../testing/render';
import { SetIdeaStatusMutation } from '../api/ideas';
import { StaffControls } from './StaffControls';

/** Opens one of the controls' dialogs by its button, as a person would. */
async function openDialog(user: ReturnType<typeof userEvent.setup>, button: string, title: string) {
  await user.click(screen.getByRole('button', { name: button }));
  return screen.findByRole('dialog', { name: title });
}

describe('the staff controls', () => {
  it('offer only the statuses the road allows next', async () => {
    renderWithProviders(<StaffControls idea={{ id: 'i1', status: 'PLANNED' }} canMerge={false} />);
    const dialog = await openDialog(userEvent.setup(), 'Change the status…', 'Change the idea’s status');
    const options = within(dialog)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['Under review', 'In progress', 'Launched', 'Declined']);
    expect(screen.queryByRole('button', { name: 'Merge this duplicate…' })).toBeNull();
  });

  it('ask for an official response before planning an idea, without calling the API', async () => {
    renderWithProviders(<StaffControls idea={{ id: 'i1', status: 'UNDER_REVIEW' }} canMerge />);
    const user = userEvent.setup();
    const dialog = await openDialog(user, 'Change the status…', 'Change the idea’s status');
    await user.selectOptions(within(dialog).getByLabelText('New status'), 'PLANNED');
    await user.click(within(dialog).getByRole('button', { name: 'Change the status' }));
    expect(within(dialog).getByLabelText('Official response')).toHaveAccessibleDescription(
      /Write an official response: voters will read it\./,
    );
  });

  it('send the status and the response, close the dialog, then say it is saved', async () => {
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
    const dialog = await openDialog(user, 'Change the status…', 'Change the idea’s status');
    await user.selectOptions(within(dialog).getByLabelText('New status'), 'PLANNED');
    await user.type(within(dialog).getByLabelText('Official response'), 'Coming in spring.');
    await user.click(within(dialog).getByRole('button', { name: 'Change the status' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('refuse a merge target that is not an idea link', async () => {
    renderWithProviders(<StaffControls idea={{ id: 'i1', status: 'NEW' }} canMerge />, {
      language: 'es',
    });
    const user = userEvent.setup();
    const dialog = await openDialog(user, 'Fusionar este duplicado…', 'Fusionar este duplicado');
    await user.type(within(dialog).getByLabelText('Enlace o identificador de la idea original'), 'la otra');
    await user.click(within(dialog).getByRole('button', { name: 'Fusionar' }));
    expect(
      within(dialog).getByLabelText('Enlace o identificador de la idea original'),
    ).toHaveAccessibleDescription('Pegue el enlace o el identificador de una idea.');
  });

  it.each([
    ['Change the status…', 'Change the idea’s status'],
    ['Merge this duplicate…', 'Merge this duplicate'],
  ])(
    'by keyboard alone, "%s" moves focus into its dialog; Escape closes it and focus comes back',
    async (button, title) => {
      renderWithProviders(<StaffControls idea={{ id: 'i1', status: 'NEW' }} canMerge />);
      const user = userEvent.setup();
      const open = screen.getByRole('button', { name: button });
      open.focus();
      await user.keyboard('{Enter}');
      const dialog = await screen.findByRole('dialog', { name: title });
      await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));
      await user.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      await waitFor(() => expect(open).toHaveFocus());
    },
  );
});
