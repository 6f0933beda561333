import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Viewer } from '../common/viewer';
import {
  AddDigestRecipientInput,
  DigestRecipientType,
  ExecutiveDigestArgs,
  ExecutiveDigestType,
  SetDigestRecipientActiveInput,
} from './executive-digest.type';
import { ExecutiveDigestService } from './executive-digest.service';

@Resolver(() => ExecutiveDigestType)
export class ExecutiveDigestResolver {
  constructor(private readonly digests: ExecutiveDigestService) {}

  @Query(() => ExecutiveDigestType, { description: 'Staff: the executive digest of any past day.' })
  executiveDigest(
    @Args() args: ExecutiveDigestArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ExecutiveDigestType> {
    return this.digests.digestFor(viewer, args.day, args.timeZone);
  }

  @Query(() => [DigestRecipientType], { description: 'Staff: who receives the executive digest.' })
  digestRecipients(@CurrentViewer() viewer: Viewer): Promise<DigestRecipientType[]> {
    return this.digests.recipients(viewer);
  }

  @Mutation(() => DigestRecipientType, { description: 'Admins: add someone to the executive digest.' })
  addDigestRecipient(
    @Args('input') input: AddDigestRecipientInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<DigestRecipientType> {
    return this.digests.addRecipient(viewer, input);
  }

  @Mutation(() => DigestRecipientType, {
    description: 'Admins: pause or resume a recipient (the row stays).',
  })
  setDigestRecipientActive(
    @Args('input') input: SetDigestRecipientActiveInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<DigestRecipientType> {
    return this.digests.setRecipientActive(viewer, input.id, input.active);
  }
}
