import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { hasAtLeastRole, Role } from '@parvis/domain';
import type DataLoader from 'dataloader';
import type { Request, Response } from 'express';
import { User } from '../identity/user.entity';
import { forbidden, unauthenticated } from './domain-error';

/** The signed-in person making the request, or null for a visitor. */
export type Viewer = User | null;

export interface RequestWithViewer extends Request {
  viewer?: Viewer;
  sessionToken?: string;
}

export interface GraphQLContext {
  req: RequestWithViewer;
  res: Response;
  /** Per-request DataLoaders, created on first use (common/loaders.ts). */
  loaders?: Map<string, DataLoader<unknown, unknown>>;
}

/** `@CurrentViewer() viewer: Viewer` in a resolver: who is asking (set by the session middleware). */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext): Viewer => {
  const ctx = GqlExecutionContext.create(context).getContext<GraphQLContext>();
  return ctx.req.viewer ?? null;
});

/** The service-layer permission check: throws UNAUTHENTICATED for visitors, FORBIDDEN below `minimum`. */
export function requireRole(viewer: Viewer, minimum: Role, action: string): User {
  if (!viewer) throw unauthenticated(`Sign in to ${action}.`);
  if (!hasAtLeastRole(viewer.role, minimum)) {
    throw forbidden(
      `Only ${minimum.toLowerCase()}s${minimum === 'ADMIN' ? '' : ' and above'} can ${action}.`,
    );
  }
  return viewer;
}

export function requireSignedIn(viewer: Viewer, action: string): User {
  return requireRole(viewer, 'MEMBER', action);
}
