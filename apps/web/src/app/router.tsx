import type { RouteObject } from 'react-router';
import { AppLayout } from './AppLayout';
import { HomeRoute } from './routes/HomeRoute';
import { NotFoundRoute } from './routes/NotFoundRoute';
import { SignInRoute } from './routes/SignInRoute';
import { SignUpRoute } from './routes/SignUpRoute';
import { SpaceRoute } from './routes/SpaceRoute';

/** Every page of the app. A feature adds its routes here, one line each, inside the layout. */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'sign-in', element: <SignInRoute /> },
      { path: 'sign-up', element: <SignUpRoute /> },
      { path: 's/:slug', element: <SpaceRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];
