import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { renderWithProviders } from '../testing/render';
import { MarkdownEditor, MarkdownPreviewQuery } from './MarkdownEditor';

function Editor() {
  const [value, setValue] = useState('');
  return <MarkdownEditor label="Your reply" value={value} onChange={setValue} />;
}

describe('the Markdown editor', () => {
  it('previews the message as the API will render it, then goes back to writing', async () => {
    renderWithProviders(<Editor />, {
      mocks: [
        {
          request: { query: MarkdownPreviewQuery, variables: { bodyMarkdown: '**Hello**' } },
          result: { data: { markdownPreview: '<p><strong>Hello</strong></p>' } },
        },
      ],
    });
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Your reply' }), '**Hello**');
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    const preview = screen.getByRole('region', { name: 'Preview of your message' });
    expect(await screen.findByText('Hello', { selector: 'strong' })).toBeInTheDocument();
    expect(preview).toContainElement(screen.getByText('Hello', { selector: 'strong' }));
    await user.click(screen.getByRole('button', { name: 'Write' }));
    expect(screen.getByRole('textbox', { name: 'Your reply' })).toHaveValue('**Hello**');
    expect(screen.queryByRole('region', { name: 'Preview of your message' })).toBeNull();
  });

  it('says there is nothing to preview yet, without calling the API', async () => {
    renderWithProviders(<Editor />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Preview' }));
    expect(screen.getByText('Nothing to preview yet.')).toBeInTheDocument();
  });
});
