import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../testing/render';
import { SimilarIdeasQuery, SubmitIdeaMutation } from '../api/ideas';
import { SubmitIdeaForm } from './SubmitIdeaForm';

describe('proposing an idea', () => {
  it('shows similar ideas while the title is typed, so people vote instead of duplicating', async () => {
    renderWithProviders(<SubmitIdeaForm onDone={jest.fn()} />, {
      mocks: [
        {
          request: { query: SimilarIdeasQuery, variables: { title: 'oat milk' } },
          result: {
            data: {
              similarIdeas: [
                {
                  __typename: 'Idea',
                  id: 'i9',
                  title: 'Oat milk in every store',
                  status: 'PLANNED',
                  votesCount: 8,
                },
              ],
            },
          },
        },
      ],
    });
    await userEvent.setup().type(screen.getByLabelText('Title'), 'oat milk');
    expect(await screen.findByRole('link', { name: 'Oat milk in every store' })).toHaveAttribute(
      'href',
      '/ideas/i9',
    );
    expect(
      screen.getByText('Similar ideas already exist. Vote for one of them instead?'),
    ).toBeInTheDocument();
  });

  it('checks the title and the description before sending', async () => {
    renderWithProviders(<SubmitIdeaForm onDone={jest.fn()} />, { language: 'fr' });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Proposer mon idée' }));
    expect(screen.getByLabelText('Titre')).toHaveAccessibleDescription(
      /Le titre doit compter de 5 à 150 caractères\./,
    );
    expect(screen.getByLabelText('Décrivez votre idée')).toHaveAccessibleDescription(/Décrivez votre idée\./);
  });

  it('sends the idea into its campaign and opens it', async () => {
    const onDone = jest.fn();
    renderWithProviders(<SubmitIdeaForm campaign={{ id: 'c1', title: 'Summer' }} onDone={onDone} />, {
      mocks: [
        {
          request: {
            query: SubmitIdeaMutation,
            variables: { input: { title: 'Mint and lime', body: 'Fresh.', campaignId: 'c1' } },
          },
          result: {
            data: {
              submitIdea: {
                __typename: 'Idea',
                id: 'new',
                title: 'Mint and lime',
                status: 'NEW',
                votesCount: 1,
                viewerHasVoted: true,
                votingOpen: true,
                commentsCount: 0,
                createdAt: '2026-11-23T10:00:00.000Z',
                author: { __typename: 'User', id: 'u1', displayName: 'Ana', role: 'MEMBER' },
              },
            },
          },
        },
      ],
    });
    const user = userEvent.setup();
    expect(screen.getByText('For the campaign “Summer”')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Title'), 'Mint');
    await user.type(screen.getByLabelText('Describe your idea'), 'Fresh.');
    await user.click(screen.getByRole('button', { name: 'Propose my idea' }));
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription(/5 to 150 characters/);
    await user.type(screen.getByLabelText('Title'), ' and lime');
    await user.click(screen.getByRole('button', { name: 'Propose my idea' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('new'));
  });
});
