import type { RouteObject } from 'react-router';
import { AppLayout } from './AppLayout';
import { HomeRoute } from './routes/HomeRoute';
import { NotFoundRoute } from './routes/NotFoundRoute';
import { SignInRoute } from './routes/SignInRoute';
import { SignUpRoute } from './routes/SignUpRoute';
import { SpaceRoute } from './routes/SpaceRoute';
import { IdeaRoute } from './routes/IdeaRoute';
import { SubmitIdeaRoute } from './routes/SubmitIdeaRoute';
import { RoadmapRoute } from './routes/RoadmapRoute';
import { CampaignRoute } from './routes/CampaignRoute';
import { NotificationPreferencesRoute } from './routes/NotificationPreferencesRoute';
import { NotificationsRoute } from './routes/NotificationsRoute';
import { ThreadRoute } from './routes/ThreadRoute';
import { NewThreadRoute } from './routes/NewThreadRoute';
import { SearchRoute } from './routes/SearchRoute';
import { SlaQueueRoute } from './routes/SlaQueueRoute';
import { PrivateFollowUpRoute } from './routes/PrivateFollowUpRoute';
import { ProfileRoute } from './routes/ProfileRoute';
import { ModerationQueueRoute } from './routes/ModerationQueueRoute';
import { ModerationLogRoute } from './routes/ModerationLogRoute';
import { CharterRoute } from './routes/CharterRoute';
import { AccountRoute } from './routes/AccountRoute';
import { ForgotPasswordRoute } from './routes/ForgotPasswordRoute';
import { ResetPasswordRoute } from './routes/ResetPasswordRoute';
import { ConfirmEmailRoute } from './routes/ConfirmEmailRoute';
import { MailCatcherRoute } from './routes/MailCatcherRoute';
import { UnsubscribeRoute } from './routes/UnsubscribeRoute';

/** Every page of the app. A feature adds its routes here, one line each, inside the layout. */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'sign-in', element: <SignInRoute /> },
      { path: 'sign-up', element: <SignUpRoute /> },
      { path: 's/:slug', element: <SpaceRoute /> },
      { path: 'ideas/new', element: <SubmitIdeaRoute /> },
      { path: 'ideas/:id', element: <IdeaRoute /> },
      { path: 'roadmap', element: <RoadmapRoute /> },
      { path: 'campaigns/:id', element: <CampaignRoute /> },
      { path: 'notifications', element: <NotificationsRoute /> },
      { path: 'notifications/preferences', element: <NotificationPreferencesRoute /> },
      { path: 't/:id', element: <ThreadRoute /> },
      { path: 's/:slug/new', element: <NewThreadRoute /> },
      { path: 'search', element: <SearchRoute /> },
      { path: 'staff/sla', element: <SlaQueueRoute /> },
      { path: 'follow-ups/:id', element: <PrivateFollowUpRoute /> },
      { path: 'u/:id', element: <ProfileRoute /> },
      { path: 'moderation', element: <ModerationQueueRoute /> },
      { path: 'moderation/log', element: <ModerationLogRoute /> },
      { path: 'charter', element: <CharterRoute /> },
      { path: 'account', element: <AccountRoute /> },
      { path: 'forgot-password', element: <ForgotPasswordRoute /> },
      { path: 'reset-password', element: <ResetPasswordRoute /> },
      { path: 'confirm-email', element: <ConfirmEmailRoute /> },
      { path: 'staff/mail', element: <MailCatcherRoute /> },
      { path: 'unsubscribe', element: <UnsubscribeRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];
