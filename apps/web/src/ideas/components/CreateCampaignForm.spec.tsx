import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { apiError, renderWithProviders } from '../../testing/render';
import { CreateCampaignMutation } from '../api/ideas';
import { CreateCampaignForm } from './CreateCampaignForm';

describe('starting a campaign', () => {
  it('sends the question, its dates and the vote budget, then opens the campaign', async () => {
    const onCreated = jest.fn();
    const input = {
      spaceId: 's1',
      title: 'Our next flavour',
      question: 'Which flavour next?',
      opensAt: new Date('2026-12-01T09:00').toISOString(),
      closesAt: new Date('2026-12-15T18:00').toISOString(),
      votesPerMember: 3,
    };
    renderWithProviders(<CreateCampaignForm spaceId="s1" onCreated={onCreated} />, {
      mocks: [
        {
          request: { query: CreateCampaignMutation, variables: { input } },
          result: { data: { createCampaign: { __typename: 'Campaign', id: 'c9' } } },
        },
      ],
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Campaign title'), input.title);
    await user.type(screen.getByLabelText('The question to the community'), input.question);
    await user.type(screen.getByLabelText('Opens at'), '2026-12-01T09:00');
    await user.type(screen.getByLabelText('Closes at'), '2026-12-15T18:00');
    await user.type(screen.getByLabelText('Votes per member'), '3');
    await user.click(screen.getByRole('button', { name: 'Start the campaign' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('c9'));
  });

  it('shows the API’s refusal beside the field it names', async () => {
    const input = {
      spaceId: 's1',
      title: 'Backwards campaign',
      question: 'Does time run backwards?',
      opensAt: new Date('2026-12-15T18:00').toISOString(),
      closesAt: new Date('2026-12-01T09:00').toISOString(),
      votesPerMember: null,
    };
    const refusal = 'The campaign must close after it opens.';
    renderWithProviders(<CreateCampaignForm spaceId="s1" onCreated={jest.fn()} />, {
      mocks: [
        {
          request: { query: CreateCampaignMutation, variables: { input } },
          result: { errors: [new GraphQLError(refusal, apiError('BAD_USER_INPUT', refusal, 'closesAt'))] },
        },
      ],
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Campaign title'), input.title);
    await user.type(screen.getByLabelText('The question to the community'), input.question);
    await user.type(screen.getByLabelText('Opens at'), '2026-12-15T18:00');
    await user.type(screen.getByLabelText('Closes at'), '2026-12-01T09:00');
    await user.click(screen.getByRole('button', { name: 'Start the campaign' }));
    expect(await screen.findByText(refusal)).toBeInTheDocument();
    expect(screen.getByLabelText('Closes at')).toHaveAccessibleDescription(refusal);
  });
});
