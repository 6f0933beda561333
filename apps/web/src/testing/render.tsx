import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createAppI18n } from '../app/translations';
import { createCache } from '../lib/apollo';

/**
 * Renders a component as the app does (router, i18n, Apollo) with the API's answers given as
 * `mocks`: each mock is the exact operation and variables expected, and the result the API
 * would send. A request with no matching mock fails the component's query, as it would in life.
 */
export function renderWithProviders(
  ui: ReactElement,
  {
    mocks = [],
    language = 'en',
    path = '/',
  }: { mocks?: MockLink.MockedResponse[]; language?: string; path?: string } = {},
) {
  const i18n = createAppI18n(language);
  const router = createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [path] });
  return {
    i18n,
    router,
    ...render(
      <MockedProvider mocks={mocks} cache={createCache()}>
        <I18nextProvider i18n={i18n}>
          <RouterProvider router={router} />
        </I18nextProvider>
      </MockedProvider>,
    ),
  };
}

/** A GraphQL error as the API formats it (DESIGN.md §4). */
export function apiError(code: string, message: string, field?: string) {
  return { message, extensions: { code, ...(field ? { field } : {}) } };
}

/** The app's translations in `language`, for a test that renders without the router (server rendering, hydration). */
export const createTestI18n = (language: string) => createAppI18n(language);
