import { Session } from '../identity/session.entity';
import { User } from '../identity/user.entity';
import { RateLimitHit } from '../common/rate-limit/rate-limit-hit.entity';
import { Space } from '../spaces/space.entity';

/** Every table's entity. A new entity is added here and in a migration. */
export const ENTITIES = [User, Session, RateLimitHit, Space];
