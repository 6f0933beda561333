import { act } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { PageProvider } from '../lib/page';
import { createTestI18n } from '../testing/render';
import { RelativeTime } from './RelativeTime';

const renderedAt = '2026-11-26T12:00:00.000Z';
const posted = '2026-11-26T09:00:00.000Z';

function Page({ language }: { language: string }) {
  return (
    <PageProvider value={{ publicUrl: '', notFoundPath: null, renderedAt }}>
      <I18nextProvider i18n={createTestI18n(language)}>
        <RelativeTime iso={posted} />
      </I18nextProvider>
    </PageProvider>
  );
}

describe('relative times on a server-rendered page', () => {
  beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-11-26T14:00:00.000Z') }));
  afterEach(() => jest.useRealTimers());

  it('are written from the time the page was rendered, hydrate without a mismatch, then follow the clock', () => {
    const html = renderToString(<Page language="fr" />);
    expect(html).toMatch(/>il y a\s3\sh</);
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const errors: unknown[] = [];
    act(() => {
      hydrateRoot(container, <Page language="fr" />, { onRecoverableError: (error) => errors.push(error) });
    });
    expect(errors).toEqual([]);
    // After hydration, the reader's own clock: two hours later than the render.
    expect(container.querySelector('time')).toHaveTextContent(/^il y a\s5\sh$/);
    const time = container.querySelector('time')!;
    expect(time).toHaveAttribute('dateTime', posted);
    expect(time.getAttribute('title')).toMatch(/2026/);
    act(() => {
      jest.advanceTimersByTime(60 * 60 * 1000);
    });
    expect(container.querySelector('time')).toHaveTextContent(/^il y a\s6\sh$/);
  });
});
