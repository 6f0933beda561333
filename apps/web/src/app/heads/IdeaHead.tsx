import { useFragment } from '@apollo/client/react';
import { excerpt, PageHead, plainText } from '../../components/PageHead';
import { graphql } from '../../gql';
import { useAbsoluteUrl } from '../../lib/page';

/** What the idea's head tags read, from the cache the page's own query filled. */
const IdeaHeadFields = graphql(`
  fragment IdeaHeadFields on Idea {
    id
    title
    body
    language
    createdAt
    votesCount
    commentsCount
    bodyPost {
      id
      hidden {
        at
      }
    }
    author {
      id
      displayName
    }
  }
`);

/** An idea's title, description and structured data (a DiscussionForumPosting with its votes). */
export function IdeaHead({ id }: { id: string }) {
  const absolute = useAbsoluteUrl();
  const { data } = useFragment({ fragment: IdeaHeadFields, from: { __typename: 'Idea', id } });
  const idea = data as {
    title?: string;
    body?: string;
    language?: string;
    createdAt?: string;
    votesCount?: number;
    commentsCount?: number;
    bodyPost?: { hidden?: object | null };
    author?: { id?: string; displayName?: string };
  };
  if (!idea?.title) return null;
  const url = absolute(`/ideas/${id}`);
  const text = idea.bodyPost?.hidden || !idea.body ? '' : plainText(idea.body);
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'DiscussionForumPosting',
    headline: idea.title,
    text: text || idea.title,
    datePublished: idea.createdAt,
    inLanguage: idea.language,
    url,
    author: idea.author?.displayName
      ? { '@type': 'Person', name: idea.author.displayName, url: absolute(`/u/${idea.author.id ?? ''}`) }
      : undefined,
    interactionStatistic: [
      {
        '@type': 'InteractionCounter',
        interactionType: 'https://schema.org/LikeAction',
        userInteractionCount: idea.votesCount ?? 0,
      },
      {
        '@type': 'InteractionCounter',
        interactionType: 'https://schema.org/CommentAction',
        userInteractionCount: idea.commentsCount ?? 0,
      },
    ],
  };
  return (
    <PageHead
      title={idea.title}
      description={excerpt(`${idea.title} — ${text}`.replace(/ — $/, ''), 160)}
      type="article"
      jsonLd={jsonLd}
    />
  );
}
