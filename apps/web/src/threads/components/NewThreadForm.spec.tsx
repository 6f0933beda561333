import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, renderWithProviders } from '../../testing/render';
import { CreateThreadMutation, RecordAskEventMutation, SimilarThreadsQuery } from '../api/threads';
import { NewThreadForm } from './NewThreadForm';

const similar = (title: string, threads: { id: string; title: string }[]) => ({
  request: { query: SimilarThreadsQuery, variables: { title } },
  result: {
    data: {
      similar: threads.map((t) => ({ __typename: 'Thread', status: 'ANSWERED', repliesCount: 2, ...t })),
    },
  },
  maxUsageCount: 5,
});

/** Answers every step the form reports for the staff report's deflection figures, noting each one. */
const askEvents = (recorded: { event: string; attemptId: string; threadId?: string | null }[] = []) => ({
  request: {
    query: RecordAskEventMutation,
    variables: ({ input }: { input: { event: string; attemptId: string; threadId?: string | null } }) => {
      recorded.push({ event: input.event, attemptId: input.attemptId, threadId: input.threadId });
      return true;
    },
  },
  result: { data: { recordAskEvent: true } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

describe('asking a question', () => {
  it('shows answered threads close to the title while it is typed', async () => {
    renderWithProviders(<NewThreadForm spaceId="s1" onCreated={jest.fn()} />, {
      mocks: [askEvents(), similar('card refused', [{ id: 't9', title: 'My card is refused online' }])],
    });
    await userEvent.setup().type(screen.getByLabelText('Title'), 'card refused');
    const aside = await screen.findByRole('complementary', {
      name: 'Already answered: maybe one of these helps',
    });
    expect(aside).toContainElement(screen.getByRole('link', { name: 'My card is refused online' }));
    expect(screen.getByRole('link', { name: 'My card is refused online' })).toHaveAttribute('href', '/t/t9');
  });

  it('asks for a title and a message without calling the API', async () => {
    renderWithProviders(<NewThreadForm spaceId="s1" onCreated={jest.fn()} />, {
      language: 'es',
      mocks: [askEvents()],
    });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Publicar mi pregunta' }));
    expect(screen.getByLabelText('Título')).toHaveAccessibleDescription(
      /El título debe tener entre 5 y 150 caracteres\./,
    );
    expect(screen.getByRole('textbox', { name: 'Detalles' })).toHaveAccessibleDescription(
      /Escriba su mensaje\./,
    );
  });

  it('posts the question in the chosen language and opens it', async () => {
    const onCreated = jest.fn();
    const recorded: { event: string; attemptId: string; threadId?: string | null }[] = [];
    renderWithProviders(<NewThreadForm spaceId="s1" onCreated={onCreated} />, {
      language: 'fr',
      mocks: [
        askEvents(recorded),
        similar('Colis jamais arrivé', []),
        {
          request: {
            query: CreateThreadMutation,
            variables: {
              input: {
                spaceId: 's1',
                title: 'Colis jamais arrivé',
                bodyMarkdown: 'Commandé il y a 3 semaines.',
                language: 'fr',
              },
            },
          },
          result: { data: { createThread: { __typename: 'Thread', id: 't42' } } },
        },
      ],
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Titre'), 'Colis jamais arrivé');
    await user.type(screen.getByRole('textbox', { name: 'Détails' }), 'Commandé il y a 3 semaines.');
    expect(screen.getByLabelText('Langue de la question')).toHaveValue('fr');
    await user.click(screen.getByRole('button', { name: 'Publier ma question' }));
    await screen.findByRole('button', { name: 'Publier ma question' });
    expect(onCreated).toHaveBeenCalledWith('t42');
    await waitFor(() => expect(recorded).toHaveLength(2));
    // The attempt is reported for the deflection figures: opened, then posted as this thread.
    expect(recorded.map((r) => [r.event, r.threadId ?? null])).toEqual([
      ['STARTED', null],
      ['POSTED', 't42'],
    ]);
    expect(new Set(recorded.map((r) => r.attemptId)).size).toBe(1);
  });

  it('reports suggestions shown and opened once each, for the staff report', async () => {
    const recorded: { event: string; attemptId: string }[] = [];
    renderWithProviders(<NewThreadForm spaceId="s1" onCreated={jest.fn()} />, {
      mocks: [
        askEvents(recorded),
        similar('card refused', [{ id: 't9', title: 'My card is refused online' }]),
      ],
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Title'), 'card refused');
    // Opened in a new tab (Ctrl-click), the way one compares a suggestion with one's own question.
    const suggestion = await screen.findByRole('link', { name: 'My card is refused online' });
    await user.keyboard('{Control>}');
    await user.click(suggestion);
    await user.click(suggestion);
    await user.keyboard('{/Control}');
    expect(recorded.map((r) => r.event)).toEqual(['STARTED', 'SUGGESTIONS_SHOWN', 'SUGGESTION_OPENED']);
  });

  it('shows the API’s refusal beside the field it names', async () => {
    renderWithProviders(<NewThreadForm spaceId="s1" onCreated={jest.fn()} />, {
      mocks: [
        askEvents(),
        similar('Hello there', []),
        {
          request: {
            query: CreateThreadMutation,
            variables: {
              input: { spaceId: 's1', title: 'Hello there', bodyMarkdown: 'Body', language: 'en' },
            },
          },
          result: {
            errors: [apiError('BAD_USER_INPUT', 'The title must be 5 to 150 characters long.', 'title')],
          },
        },
      ],
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Title'), 'Hello there');
    await user.type(screen.getByRole('textbox', { name: 'Details' }), 'Body');
    await user.click(screen.getByRole('button', { name: 'Post my question' }));
    expect(await screen.findByText('The title must be 5 to 150 characters long.')).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true');
  });
});
