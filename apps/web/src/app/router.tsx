import { lazy, Suspense, type ComponentType } from 'react';
import { matchRoutes, type RouteObject } from 'react-router';
import { PageSkeleton } from '../components/Skeleton';
import { AppLayout } from './AppLayout';
import { NotFoundRoute } from './routes/NotFoundRoute';

/** What a route's page is made of: loaded on demand, each page its own chunk of JavaScript. */
export interface PageHandle {
  /** The page's source module, as the build's manifest names it (to preload its chunks). */
  module: string;
  /** Loads the page's code; resolves once the page can render without suspending. */
  preload: () => Promise<unknown>;
}

/**
 * A page split from the rest of the app: its code loads when the route is first shown (a
 * skeleton meanwhile), or before hydrating when the server rendered it. Once loaded it renders
 * at once, so a page the server rendered hydrates without waiting.
 */
function page<Name extends string>(
  name: Name,
  load: () => Promise<Record<Name, ComponentType>>,
): Pick<RouteObject, 'element' | 'handle'> {
  let Loaded: ComponentType | null = null;
  let loading: Promise<{ default: ComponentType }> | null = null;
  const preload = () =>
    (loading ??= load().then((module) => {
      Loaded = module[name];
      return { default: Loaded };
    }));
  const Lazy = lazy(preload);
  function Page() {
    return Loaded ? <Loaded /> : <Lazy />;
  }
  const handle: PageHandle = { module: `src/app/routes/${name}.tsx`, preload };
  return {
    element: (
      <Suspense fallback={<PageSkeleton />}>
        <Page />
      </Suspense>
    ),
    handle,
  };
}

/** Every page of the app. A feature adds its routes here, one line each, inside the layout. */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, ...page('HomeRoute', () => import('./routes/HomeRoute')) },
      { path: 'sign-in', ...page('SignInRoute', () => import('./routes/SignInRoute')) },
      { path: 'sign-up', ...page('SignUpRoute', () => import('./routes/SignUpRoute')) },
      { path: 's/:slug', ...page('SpaceRoute', () => import('./routes/SpaceRoute')) },
      { path: 'ideas/new', ...page('SubmitIdeaRoute', () => import('./routes/SubmitIdeaRoute')) },
      { path: 'ideas/:id', ...page('IdeaRoute', () => import('./routes/IdeaRoute')) },
      { path: 'roadmap', ...page('RoadmapRoute', () => import('./routes/RoadmapRoute')) },
      { path: 'campaigns/:id', ...page('CampaignRoute', () => import('./routes/CampaignRoute')) },
      { path: 'notifications', ...page('NotificationsRoute', () => import('./routes/NotificationsRoute')) },
      {
        path: 'notifications/preferences',
        ...page('NotificationPreferencesRoute', () => import('./routes/NotificationPreferencesRoute')),
      },
      { path: 't/:id', ...page('ThreadRoute', () => import('./routes/ThreadRoute')) },
      { path: 's/:slug/new', ...page('NewThreadRoute', () => import('./routes/NewThreadRoute')) },
      { path: 'search', ...page('SearchRoute', () => import('./routes/SearchRoute')) },
      { path: 'staff/sla', ...page('SlaQueueRoute', () => import('./routes/SlaQueueRoute')) },
      {
        path: 'follow-ups/:id',
        ...page('PrivateFollowUpRoute', () => import('./routes/PrivateFollowUpRoute')),
      },
      { path: 'u/:id', ...page('ProfileRoute', () => import('./routes/ProfileRoute')) },
      { path: 'moderation', ...page('ModerationQueueRoute', () => import('./routes/ModerationQueueRoute')) },
      { path: 'moderation/log', ...page('ModerationLogRoute', () => import('./routes/ModerationLogRoute')) },
      { path: 'charter', ...page('CharterRoute', () => import('./routes/CharterRoute')) },
      {
        path: 'forgot-password',
        ...page('ForgotPasswordRoute', () => import('./routes/ForgotPasswordRoute')),
      },
      { path: 'reset-password', ...page('ResetPasswordRoute', () => import('./routes/ResetPasswordRoute')) },
      { path: 'confirm-email', ...page('ConfirmEmailRoute', () => import('./routes/ConfirmEmailRoute')) },
      { path: 'staff/mail', ...page('MailCatcherRoute', () => import('./routes/MailCatcherRoute')) },
      { path: 'unsubscribe', ...page('UnsubscribeRoute', () => import('./routes/UnsubscribeRoute')) },
      { path: 'staff/duty', ...page('DutyRoute', () => import('./routes/DutyRoute')) },
      { path: 'staff/spaces', ...page('SpaceTextsRoute', () => import('./routes/SpaceTextsRoute')) },
      { path: 'account', ...page('AccountRoute', () => import('./routes/AccountRoute')) },
      { path: 'staff/reports', ...page('ReportsRoute', () => import('./routes/ReportsRoute')) },
      { path: 'staff/digest/:day?', ...page('DigestRoute', () => import('./routes/DigestRoute')) },
      // In the main chunk: the layout also shows it when the server found nothing.
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

/** The pages a location shows (their handles), to load their code before rendering or hydrating it. */
export function pagesAt(location: string): PageHandle[] {
  return (matchRoutes(routes, location) ?? [])
    .map((match) => match.route.handle as PageHandle | undefined)
    .filter((handle): handle is PageHandle => handle !== undefined);
}

/** Loads the code of the pages a location shows. */
export async function preloadPages(location: string): Promise<void> {
  await Promise.all(pagesAt(location).map((handle) => handle.preload()));
}
