import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, GraphQLContext, Viewer } from '../common/viewer';
import { IdentityService } from '../identity/identity.service';
import { usersById } from '../identity/user.loader';
import { UserType } from '../identity/user.type';
import {
  FollowInput,
  SetNotificationPreferenceInput,
  SetNotificationTimeZoneInput,
  SubjectInput,
} from './notifications.inputs';
import { NotificationsService } from './notifications.service';
import { NotificationGroupType, NotificationKind, NotificationSettingsType } from './notification.type';
import { NotificationKind as NotificationKindName } from './notification.entity';
import { APP_CONFIG } from '../config/config.module';
import { Inject } from '@nestjs/common';
import { AppConfig } from '../config/config';

/** The notification centre: grouped notices, marking a subject read, follows and preferences. */
@Resolver(() => NotificationGroupType)
export class NotificationGroupsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly identity: IdentityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => [NotificationGroupType], {
    description:
      'The signed-in person’s notices grouped per subject and kind, groups with unread notices first.',
  })
  async notificationGroups(
    @CurrentViewer() viewer: Viewer,
    @Args('kinds', { type: () => [NotificationKind], nullable: true })
    kinds: NotificationKindName[] | undefined,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<NotificationGroupType[]> {
    return (await this.service.groups(viewer, kinds, first)).map((row) => NotificationGroupType.from(row));
  }

  @ResolveField(() => [UserType], { description: 'Up to three of the people who acted, latest first.' })
  async actors(group: NotificationGroupType, _args: unknown, ctx: GraphQLContext): Promise<UserType[]> {
    const viewer = ctx.req.viewer ?? null;
    const users = await Promise.all(group.actorIds.map((id) => usersById(ctx, this.identity).load(id)));
    return users.flatMap((u) => (u ? [UserType.from(u, viewer)] : []));
  }

  @Mutation(() => Int, {
    description:
      'The viewer opened a thread, idea or campaign: its notices are read. Returns how many stay unread.',
  })
  markSubjectRead(@Args('input') input: SubjectInput, @CurrentViewer() viewer: Viewer): Promise<number> {
    return this.service.markSubjectRead(viewer, { type: input.subjectType, id: input.subjectId });
  }

  @Mutation(() => Boolean, {
    description: 'Follows a thread or an idea: its replies and changes notify the viewer.',
  })
  follow(@Args('input') input: FollowInput, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.service.setFollowing(viewer, input.subjectType, input.subjectId, true);
  }

  @Mutation(() => Boolean, {
    description: 'Stops following a thread or an idea (posting in it again does not follow it back).',
  })
  async unfollow(@Args('input') input: FollowInput, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return !(await this.service.setFollowing(viewer, input.subjectType, input.subjectId, false));
  }

  @Query(() => NotificationSettingsType, {
    description: 'How the signed-in person hears of each kind of event.',
  })
  async notificationSettings(@CurrentViewer() viewer: Viewer): Promise<NotificationSettingsType> {
    return {
      preferences: await this.service.preferences(viewer),
      timeZone: await this.service.timeZone(viewer),
      digestHour: this.config.notifications.digestHour,
    };
  }

  @Mutation(() => NotificationSettingsType)
  async setNotificationPreference(
    @Args('input') input: SetNotificationPreferenceInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<NotificationSettingsType> {
    await this.service.setPreference(viewer, input.kind, input.delivery);
    return this.notificationSettings(viewer);
  }

  @Mutation(() => NotificationSettingsType)
  async setNotificationTimeZone(
    @Args('input') input: SetNotificationTimeZoneInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<NotificationSettingsType> {
    await this.service.setTimeZone(viewer, input.timeZone);
    return this.notificationSettings(viewer);
  }
}
