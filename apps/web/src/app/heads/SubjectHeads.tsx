import { useFragment } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PageHead } from '../../components/PageHead';
import { graphql } from '../../gql';

const ProfileHeadFields = graphql(`
  fragment ProfileHeadFields on User {
    id
    displayName
  }
`);

const CampaignHeadFields = graphql(`
  fragment CampaignHeadFields on Campaign {
    id
    title
    question
  }
`);

/** A member's profile: their name as the title (from the cache the page's query filled). */
export function ProfileHead({ id }: { id: string }) {
  const { data } = useFragment({ fragment: ProfileHeadFields, from: { __typename: 'User', id } });
  const name = (data as { displayName?: string } | undefined)?.displayName;
  return name ? <PageHead title={name} type="website" /> : null;
}

/** A campaign: its title, and its question as the description. */
export function CampaignHead({ id }: { id: string }) {
  const { t } = useTranslation('ideas');
  const { data } = useFragment({ fragment: CampaignHeadFields, from: { __typename: 'Campaign', id } });
  const campaign = data as { title?: string; question?: string } | undefined;
  return campaign?.title ? (
    <PageHead title={campaign.title} description={campaign.question ?? t('roadmap.intro')} />
  ) : null;
}
