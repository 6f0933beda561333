import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Providers } from './app/Providers';
import { routes } from './app/router';
import { createApolloClient } from './lib/apollo';
import { createAppI18n } from './app/translations';
import './styles.css';

const router = createBrowserRouter(routes);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers client={createApolloClient()} i18n={createAppI18n()}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
