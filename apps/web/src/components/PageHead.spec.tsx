import { screen } from '@testing-library/react';
import { renderWithProviders } from '../testing/render';
import { excerpt, PageHead, plainText } from './PageHead';

describe('what search engines read of a page', () => {
  it('takes the text of sanitized HTML, tags dropped and entities decoded', () => {
    expect(plainText('<p>Codes <strong>expire</strong> after 48&nbsp;h &amp; more: &lt;b&gt;</p>')).toBe(
      'Codes expire after 48 h & more: <b>',
    );
  });

  it('cuts a description at a word, with an ellipsis', () => {
    expect(excerpt('short enough', 160)).toBe('short enough');
    expect(excerpt('one two three four five', 14)).toBe('one two three…');
  });

  it('writes the title, description, canonical address and a structured-data script that no text can close', () => {
    renderWithProviders(
      <PageHead title="A </script> title" description="What it is about" jsonLd={{ name: '</script>' }} />,
      { path: '/t/1' },
    );
    expect(document.title).toBe('A </script> title · Parvis');
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      'What it is about',
    );
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('/t/1');
    const script = document.querySelector('script[type="application/ld+json"]')!;
    expect(script.innerHTML).not.toContain('</script>');
    expect(JSON.parse(script.textContent)).toEqual({ name: '</script>' });
    expect(screen.queryByText('What it is about')).toBeNull();
  });
});
