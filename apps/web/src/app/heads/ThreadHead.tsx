import { useFragment } from '@apollo/client/react';
import { excerpt, PageHead, plainText } from '../../components/PageHead';
import { graphql } from '../../gql';
import { useAbsoluteUrl } from '../../lib/page';

/**
 * What the thread's head tags read, from the cache the page's own query filled (no request of
 * its own): whatever the page loaded of the thread, its question, accepted answer and replies.
 */
const ThreadHeadFields = graphql(`
  fragment ThreadHeadFields on Thread {
    id
    title
    language
    createdAt
    repliesCount
    space {
      id
      kind
    }
    author {
      id
      displayName
    }
    question {
      ...ThreadHeadPost
    }
    acceptedAnswer {
      ...ThreadHeadPost
    }
    posts {
      edges {
        node {
          ...ThreadHeadPost
        }
      }
    }
  }

  fragment ThreadHeadPost on Post {
    id
    bodyHtml
    createdAt
    thanksCount
    isQuestion
    isAcceptedAnswer
    hidden {
      at
    }
    author {
      id
      displayName
    }
  }
`);

interface HeadPost {
  id?: string;
  bodyHtml?: string;
  createdAt?: string;
  thanksCount?: number;
  isQuestion?: boolean;
  isAcceptedAnswer?: boolean;
  hidden?: { at?: string } | null;
  author?: { id?: string; displayName?: string };
}

/** A post's text for search engines: nothing of a hidden one (its notice says nothing of it either). */
const visibleText = (post: HeadPost | null | undefined): string =>
  post && !post.hidden && post.bodyHtml ? plainText(post.bodyHtml) : '';

/**
 * The thread's title and description (the title and the start of the accepted answer, else of
 * the question, in the thread's language), and its structured data: a QAPage for a help thread
 * (Google's Q&A rich result), a DiscussionForumPosting for any other.
 */
export function ThreadHead({ id }: { id: string }) {
  const absolute = useAbsoluteUrl();
  const { data } = useFragment({
    fragment: ThreadHeadFields,
    fragmentName: 'ThreadHeadFields',
    from: { __typename: 'Thread', id },
  });
  const thread = data as Partial<Record<string, unknown>> & {
    title?: string;
    language?: string;
    createdAt?: string;
    repliesCount?: number;
    space?: { kind?: string };
    author?: { id?: string; displayName?: string };
    question?: HeadPost;
    acceptedAnswer?: HeadPost | null;
    posts?: { edges?: { node?: HeadPost }[] };
  };
  if (!thread?.title) return null;

  const url = absolute(`/t/${id}`);
  const person = (author: HeadPost['author']) =>
    author?.displayName
      ? { '@type': 'Person', name: author.displayName, url: absolute(`/u/${author.id ?? ''}`) }
      : undefined;
  const answer = (post: HeadPost) => ({
    '@type': 'Answer',
    text: visibleText(post),
    dateCreated: post.createdAt,
    datePublished: post.createdAt,
    upvoteCount: post.thanksCount ?? 0,
    url: `${url}#post-${post.id ?? ''}`,
    author: person(post.author),
  });
  const questionText = visibleText(thread.question);
  const accepted = thread.acceptedAnswer && !thread.acceptedAnswer.hidden ? thread.acceptedAnswer : null;
  const replies = (thread.posts?.edges ?? [])
    .map((edge) => edge.node)
    .filter(
      (post): post is HeadPost => !!post && !post.isQuestion && !post.hidden && post.id !== accepted?.id,
    );
  const description = excerpt(
    `${thread.title} — ${visibleText(accepted) || questionText}`.replace(/ — $/, ''),
    160,
  );

  const jsonLd =
    thread.space?.kind === 'HELP'
      ? {
          '@context': 'https://schema.org',
          '@type': 'QAPage',
          mainEntity: {
            '@type': 'Question',
            name: thread.title,
            text: questionText || thread.title,
            answerCount: thread.repliesCount ?? replies.length + (accepted ? 1 : 0),
            upvoteCount: thread.question?.thanksCount ?? 0,
            dateCreated: thread.createdAt,
            datePublished: thread.createdAt,
            inLanguage: thread.language,
            author: person(thread.author),
            url,
            ...(accepted ? { acceptedAnswer: answer(accepted) } : {}),
            ...(replies.length > 0 ? { suggestedAnswer: replies.map(answer) } : {}),
          },
        }
      : {
          '@context': 'https://schema.org',
          '@type': 'DiscussionForumPosting',
          headline: thread.title,
          text: questionText || thread.title,
          datePublished: thread.createdAt,
          inLanguage: thread.language,
          author: person(thread.author),
          url,
          interactionStatistic: {
            '@type': 'InteractionCounter',
            interactionType: 'https://schema.org/CommentAction',
            userInteractionCount: thread.repliesCount ?? replies.length,
          },
        };
  return <PageHead title={thread.title} description={description} type="article" jsonLd={jsonLd} />;
}
