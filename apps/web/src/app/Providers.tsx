import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import type { i18n as I18n } from 'i18next';
import { useEffect, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';

/** Everything a page needs around it; tests wrap components in the same providers. */
export function Providers({
  client,
  i18n,
  children,
}: {
  client: ApolloClient;
  i18n: I18n;
  children: ReactNode;
}) {
  // Texts the API holds per language (space names) were asked for in the previous one: the
  // page's queries ask again. A space is one object in the cache, so every page shows its new
  // name (the header's list of spaces is on every page). Queries in flight are left to finish.
  useEffect(() => {
    const refetch = () => void client.refetchQueries({ include: 'active' }).catch(() => undefined);
    i18n.on('languageChanged', refetch);
    return () => i18n.off('languageChanged', refetch);
  }, [client, i18n]);
  return (
    <ApolloProvider client={client}>
      <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
    </ApolloProvider>
  );
}
