import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { SpaceTextsFieldsFragment } from '../../gql/graphql';
import { renderWithProviders } from '../../testing/render';
import { SetSpaceTextsMutation } from '../api/spaces';
import { SpaceTextsEditor } from './SpaceTextsEditor';

const help = (es: { name: string; description: string } | null = null): SpaceTextsFieldsFragment => ({
  __typename: 'Space',
  id: 's-help',
  name: 'Help & support',
  language: 'en',
  texts: [
    { __typename: 'SpaceTexts', language: 'fr', name: 'Entraide', description: 'Posez vos questions.' },
    { __typename: 'SpaceTexts', language: 'en', name: 'Help & support', description: 'Ask your questions.' },
    {
      __typename: 'SpaceTexts',
      language: 'es',
      name: es?.name ?? null,
      description: es?.description ?? null,
    },
  ],
});

const saving = (name: string, description: string) => ({
  query: SetSpaceTextsMutation,
  variables: { input: { spaceId: 's-help', language: 'es', name, description } },
});

describe('the texts of the spaces', () => {
  it('offers each language with what is written in it, and says which one readers fall back to', () => {
    renderWithProviders(<SpaceTextsEditor spaces={[help()]} />);
    const section = screen.getByRole('region', { name: 'Help & support' });
    const french = within(section).getByRole('form', { name: 'Help & support in Français' });
    expect(within(french).getByLabelText('Name')).toHaveValue('Entraide');
    expect(within(french).getByLabelText('Description')).toHaveValue('Posez vos questions.');
    const english = within(section).getByRole('form', { name: 'Help & support in English' });
    expect(english).toHaveTextContent('The space’s own language');
    const spanish = within(section).getByRole('form', { name: 'Help & support in Español' });
    expect(within(spanish).getByLabelText('Name')).toHaveValue('');
    expect(spanish).toHaveTextContent(
      'Until these are saved, readers of this language see the space’s own texts.',
    );
  });

  it('explains a missing name and a description too long beside their fields, in the reader’s language, before asking the API', async () => {
    renderWithProviders(<SpaceTextsEditor spaces={[help()]} />, { language: 'fr' });
    const spanish = screen.getByRole('form', { name: 'Help & support en Español' });
    const person = userEvent.setup();
    await person.click(within(spanish).getByLabelText('Description'));
    await person.paste('a'.repeat(501));
    await person.click(within(spanish).getByRole('button', { name: 'Enregistrer (Español)' }));
    expect(within(spanish).getByLabelText('Nom')).toHaveAccessibleDescription('Ce champ est obligatoire.');
    expect(within(spanish).getByLabelText('Nom')).toHaveAttribute('aria-invalid', 'true');
    expect(within(spanish).getByLabelText('Description')).toHaveAccessibleDescription(
      'Écrivez 500 caractères au plus.',
    );
  });

  it('shows the API’s refusal beside the field it names, worded from its reason', async () => {
    const refused = {
      request: saving('Ayuda\u0007', ''),
      result: {
        errors: [
          new GraphQLError('name must not contain control characters.', {
            extensions: { code: 'BAD_USER_INPUT', field: 'name', reason: 'CONTROL_CHARACTER' },
          }),
        ],
      },
    };
    renderWithProviders(<SpaceTextsEditor spaces={[help()]} />, { language: 'es', mocks: [refused] });
    const spanish = screen.getByRole('form', { name: 'Help & support en Español' });
    const person = userEvent.setup();
    await person.click(within(spanish).getByLabelText('Nombre'));
    await person.paste('Ayuda\u0007');
    await person.click(within(spanish).getByRole('button', { name: 'Guardar (Español)' }));
    await waitFor(() =>
      expect(within(spanish).getByLabelText('Nombre')).toHaveAccessibleDescription(
        /carácter de control invisible/,
      ),
    );
  });

  it('saves the texts of one language and says so', async () => {
    const saved = {
      request: saving('Ayuda y soporte', 'Haga sus preguntas.'),
      result: {
        data: {
          setSpaceTexts: {
            ...help({ name: 'Ayuda y soporte', description: 'Haga sus preguntas.' }),
            description: 'Ask your questions.',
          },
        },
      },
    };
    renderWithProviders(<SpaceTextsEditor spaces={[help()]} />, { mocks: [saved] });
    const spanish = screen.getByRole('form', { name: 'Help & support in Español' });
    const person = userEvent.setup();
    await person.type(within(spanish).getByLabelText('Name'), 'Ayuda y soporte ');
    await person.type(within(spanish).getByLabelText('Description'), 'Haga sus preguntas.');
    await person.click(within(spanish).getByRole('button', { name: 'Save (Español)' }));
    // The status is there from the start (a live region), empty until the API answered.
    await waitFor(() => expect(within(spanish).getByRole('status')).toHaveTextContent('Saved.'));
  });
});
