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
