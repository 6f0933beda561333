import type { TypedDocumentNode } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MarkdownEditor } from '../../components/MarkdownEditor';
import { useMarkdownForm } from '../../components/useMarkdownForm';
import type { MutationReplyArgs, PostViewFieldsFragment } from '../../gql/graphql';
import { appendToConnection } from '../../lib/apollo';
import { ThreadClocksQuery } from '../api/threads';
import { MentionSuggestions } from './MentionSuggestions';

interface ReplyFormProps {
  thread: { id: string; sla?: { firstResponseAt?: string | null } | null };
  /** The reply mutation, asking for every field the page shows of a post (see ThreadPage). */
  mutation: TypedDocumentNode<{ reply: PostViewFieldsFragment }, MutationReplyArgs>;
  /** A post quoted by the reader ("Quote" on a post): added to the reply, each time anew (`at`). */
  quote?: { markdown: string; at: number } | null;
}

/**
 * The reply editor at the bottom of a thread, with its Markdown preview. The new reply joins the
 * thread's loaded replies in the cache, as the API returned it, with the page's other fields.
 */
export function ReplyForm({ thread, mutation, quote }: ReplyFormProps) {
  const { t } = useTranslation('threads');
  const client = useApolloClient();
  const [reply, { loading, error }] = useMutation(mutation, {
    update(cache, { data }) {
      if (!data) return;
      const post = data.reply;
      cache.modify({
        id: cache.identify({ __typename: 'Thread', id: thread.id }),
        fields: {
          repliesCount: (count: number) => count + 1,
          lastActivityAt: () => post.createdAt,
          posts: appendToConnection(post),
        },
      });
    },
  });
  const { editor, submit } = useMarkdownForm({
    send: (bodyMarkdown) => reply({ variables: { input: { threadId: thread.id, bodyMarkdown } } }),
    // A reply may be the first response the answer clock waits for: ask the clocks again.
    onSent: () => {
      if (thread.sla && !thread.sla.firstResponseAt)
        void client.query({
          query: ThreadClocksQuery,
          variables: { id: thread.id },
          fetchPolicy: 'network-only',
        });
    },
  });

  const { value, onChange } = editor;
  const form = useRef<HTMLFormElement>(null);
  const added = useRef<number | null>(null);
  useEffect(() => {
    if (!quote || added.current === quote.at) return;
    added.current = quote.at;
    onChange(value.trim() ? `${value.trimEnd()}\n\n${quote.markdown}` : quote.markdown);
    const field = form.current?.querySelector('textarea');
    field?.focus();
  }, [quote, value, onChange]);

  return (
    <form ref={form} className="form reply-form" onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t('reply.heading')}</h2>
      <MarkdownEditor label={t('reply.body')} {...editor} />
      <MentionSuggestions value={editor.value} onChange={editor.onChange} />
      {error && <ErrorNotice error={error} />}
      <button type="submit" className="button button-primary" disabled={loading}>
        {loading ? t('reply.submitting') : t('reply.submit')}
      </button>
    </form>
  );
}
