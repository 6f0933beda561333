import { byKeys, loaderFor } from '../common/loaders';
import type { GraphQLContext } from '../common/viewer';
import type { Space } from './space.entity';
import type { SpacesService } from './spaces.service';

/** The spaces of every thread and idea a request shows, fetched in one query per tick. */
export function spacesById(ctx: GraphQLContext, spaces: SpacesService) {
  return loaderFor<string, Space>(ctx, 'spaces.byId', async (ids) =>
    byKeys(ids, await spaces.byIds(ids), (s) => s.id),
  );
}
