import { ApolloLink } from '@apollo/client/link';
import { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Observable, type Subscription } from 'rxjs';
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
    hold,
    cache = createCache(),
  }: {
    mocks?: MockLink.MockedResponse[];
    language?: string;
    path?: string;
    hold?: HeldAnswers;
    /** A cache holding answers already, as a server-rendered page's restored one. */
    cache?: ReturnType<typeof createCache>;
  } = {},
) {
  const i18n = createAppI18n(language);
  const router = createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [path] });
  return {
    i18n,
    router,
    ...render(
      <MockedProvider
        mocks={mocks}
        link={hold ? ApolloLink.from([hold.link, new MockLink(mocks)]) : undefined}
        cache={cache}
      >
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

/** The answers to one operation, held back until `release()` (see `holdAnswers`). */
export interface HeldAnswers {
  readonly link: ApolloLink;
  release(): void;
}

/**
 * Holds the API's answers to the operation named `operationName` until the test calls
 * `release()`: what a component shows while it waits (an optimistic vote) stays on screen as
 * long as the test looks at it, however busy the machine (a mock's `delay` may elapse first).
 * `answeredFirst`: how many of its first requests are answered at once (e.g. 1 to hold only the
 * refetches of a query already on screen).
 */
export function holdAnswers(operationName: string, { answeredFirst = 0 } = {}): HeldAnswers {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let seen = 0;
  const link = new ApolloLink((operation, forward) =>
    operation.operationName !== operationName || seen++ < answeredFirst
      ? forward(operation)
      : new Observable<ApolloLink.Result>((observer) => {
          let forwarded: Subscription | null = null;
          let closed = false;
          void released.then(() => {
            if (!closed) forwarded = forward(operation).subscribe(observer);
          });
          return () => {
            closed = true;
            forwarded?.unsubscribe();
          };
        }),
  );
  return { link, release: () => release() };
}
