import { byKeys, loaderFor } from '../common/loaders';
import type { GraphQLContext } from '../common/viewer';
import type { IdentityService } from './identity.service';
import type { User } from './user.entity';

/** Authors, answerers, voters…: every user a request shows is fetched in one query per tick. */
export function usersById(ctx: GraphQLContext, identity: IdentityService) {
  return loaderFor<string, User>(ctx, 'users.byId', async (ids) =>
    byKeys(ids, await identity.usersByIds(ids), (u) => u.id),
  );
}

/** The signed-in person's row of each request, as the session lookup read it. */
const viewerRows = new WeakMap<object, User>();

/** Kept by the session middleware, which reads the row anyway. */
export function rememberViewerRow(req: object, user: User): void {
  viewerRows.set(req, user);
}

/**
 * Puts the viewer's own row, read by this request's session lookup, into the users loader: for a
 * mutation whose answer shows its author (a reply shows who wrote it) and which changes no user
 * row, so that the author costs no second read.
 */
export function primeViewerRow(ctx: GraphQLContext, identity: IdentityService): void {
  const row = viewerRows.get(ctx.req);
  if (row) usersById(ctx, identity).prime(row.id, row);
}
