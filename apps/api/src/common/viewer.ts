import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { hasAtLeastRole, Role } from '@parvis/domain';
import type DataLoader from 'dataloader';
import type { Request, Response } from 'express';
import { forbidden, unauthenticated } from './domain-error';

/**
 * The signed-in person making the request, as their session found them (identity's session
 * middleware fills it from their row): enough to check what they may do, to write as them and to
 * answer `me`, without their password hash. A service that needs more loads the row itself.
 */
export interface SignedInViewer {
  id: string;
  displayName: string;
  role: Role;
  email: string;
  locale: string | null;
  reputation: number;
  createdAt: Date;
}

/** The signed-in person making the request, or null for a visitor. */
export type Viewer = SignedInViewer | null;

export interface RequestWithViewer extends Request {
  viewer?: Viewer;
  sessionToken?: string;
}

export interface GraphQLContext {
  req: RequestWithViewer;
  res: Response;
  /** The language the server renderer renders the page in (common/reader-language.ts). */
  language?: string;
  /** Per-request DataLoaders, created on first use (common/loaders.ts). */
  loaders?: Map<string, DataLoader<unknown, unknown>>;
}

/** `@CurrentViewer() viewer: Viewer` in a resolver: who is asking (set by the session middleware). */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext): Viewer => {
  const ctx = GqlExecutionContext.create(context).getContext<GraphQLContext>();
  return ctx.req.viewer ?? null;
});

/** The service-layer permission check: throws UNAUTHENTICATED for visitors, FORBIDDEN below `minimum`. */
export function requireRole(viewer: Viewer, minimum: Role, action: string): SignedInViewer {
  if (!viewer) throw unauthenticated(`Sign in to ${action}.`);
  if (!hasAtLeastRole(viewer.role, minimum)) {
    throw forbidden(
      `Only ${minimum.toLowerCase()}s${minimum === 'ADMIN' ? '' : ' and above'} can ${action}.`,
      { reason: 'ROLE_REQUIRED', role: minimum },
    );
  }
  return viewer;
}

export function requireSignedIn(viewer: Viewer, action: string): SignedInViewer {
  return requireRole(viewer, 'MEMBER', action);
}
