import { useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Skeleton, SkeletonItems, SkeletonText } from '../../components/Skeleton';
import { PageHead } from '../../components/PageHead';
import { graphql } from '../../gql';
import { ManagersOnDuty } from '../../desk/components/ManagersOnDuty';
import { IdeaBoard } from '../../ideas/components/IdeaBoard';
import { useViewer } from '../../lib/viewer';
import { ThreadList } from '../../threads/components/ThreadList';

const SpaceQuery = graphql(`
  query Space($slug: String!) {
    space(slug: $slug) {
      id
      slug
      name
      description
      kind
      ...SpaceDutyFields
    }
  }
`);

/** A space's page: its header, then what its kind holds (threads, ideas, announcements). */
export function SpaceRoute() {
  const { slug = '' } = useParams();
  const { data, loading, error } = useQuery(SpaceQuery, { variables: { slug } });
  const { isStaff } = useViewer();
  if (loading && !data)
    return (
      <Skeleton>
        <SkeletonText title width={40} />
        <SkeletonText width={80} />
        <SkeletonItems list="threads" item="thread-row" count={8} />
      </Skeleton>
    );
  if (error || !data) return <ErrorNotice error={error} />;
  const { space } = data;
  return (
    <>
      <PageHead title={space.name} description={space.description} />
      <header className="page-header">
        <h1>{space.name}</h1>
        <p>{space.description}</p>
        {space.kind === 'HELP' && <ManagersOnDuty space={space} />}
      </header>
      {space.kind === 'IDEAS' && <IdeaBoard spaceId={space.id} canManage={isStaff} />}
      {space.kind !== 'IDEAS' && (
        <ThreadList
          spaceId={space.id}
          spaceSlug={space.slug}
          announcements={space.kind === 'ANNOUNCEMENTS'}
        />
      )}
    </>
  );
}
