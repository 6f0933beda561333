import type { Reference } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SkeletonPosts } from '../../components/Skeleton';
import { MarkdownEditor } from '../../components/MarkdownEditor';
import { RoleBadge } from '../../components/RoleBadge';
import { useMarkdownForm } from '../../components/useMarkdownForm';
import { graphql } from '../../gql';
import { PrivateFollowUpQuery, SendPrivateMessageMutation } from '../api/threads';
import { RelativeTime } from '../../components/RelativeTime';

export const PrivateMessageFields = graphql(`
  fragment PrivateMessageFields on PrivateMessage {
    id
    bodyHtml
    createdAt
    author {
      ...AuthorFields
    }
  }
`);

export const PrivateFollowUpFields = graphql(`
  fragment PrivateFollowUpFields on PrivateFollowUp {
    id
    createdAt
    thread {
      id
      title
    }
    asker {
      id
      displayName
    }
    agent {
      ...AuthorFields
    }
    messages {
      ...PrivateMessageFields
    }
  }
`);

/** A private follow-up: the conversation between the asker and staff, and a form to write in it. */
export function PrivateFollowUpView({ id }: { id: string }) {
  const { t } = useTranslation('threads');
  const { data, loading, error } = useQuery(PrivateFollowUpQuery, { variables: { id } });
  // The message sent joins the conversation in the cache, as the API returned it.
  const [send, sending] = useMutation(SendPrivateMessageMutation, {
    update(cache, { data: sent }) {
      if (!sent) return;
      cache.modify({
        id: cache.identify({ __typename: 'PrivateFollowUp', id }),
        fields: {
          messages: (messages: unknown[] | Reference, { isReference, toReference }) =>
            isReference(messages) ? messages : [...messages, toReference(sent.sendPrivateMessage)],
        },
      });
    },
  });
  const { editor, submit } = useMarkdownForm({
    send: (bodyMarkdown) => send({ variables: { input: { followUpId: id, bodyMarkdown } } }),
  });

  if (loading && !data) return <SkeletonPosts posts={3} />;
  if (!data) return <ErrorNotice error={error} />;
  const followUp = data.privateFollowUp;

  return (
    <div className="follow-up">
      <header className="page-header">
        <h1>{t('followUp.heading')}</h1>
        <p>
          {t('followUp.about')} <Link to={`/t/${followUp.thread.id}`}>{followUp.thread.title}</Link>
        </p>
        <p>
          {t('followUp.between', { asker: followUp.asker.displayName, agent: followUp.agent.displayName })}
        </p>
      </header>
      <ol className="messages">
        {followUp.messages.map((message) => (
          <li key={message.id} className="post">
            <header className="post-header">
              <span className="post-author">{message.author.displayName}</span>{' '}
              <RoleBadge role={message.author.role} /> <RelativeTime iso={message.createdAt} />
            </header>
            <div className="post-body" dangerouslySetInnerHTML={{ __html: message.bodyHtml }} />
          </li>
        ))}
      </ol>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <MarkdownEditor label={t('followUp.message')} rows={4} {...editor} />
        {sending.error && <ErrorNotice error={sending.error} />}
        <button type="submit" className="button button-primary" disabled={sending.loading}>
          {sending.loading ? t('followUp.sending') : t('followUp.send')}
        </button>
      </form>
    </div>
  );
}
