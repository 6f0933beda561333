import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { MentionMembersQuery } from '../api/threads';

/** The "@name" being typed at the end of the text, if any (two letters at least, no line break). */
export function mentionBeingTyped(text: string): string | null {
  const match = /(^|\s)@([^\s@[\]()]{2,30})$/u.exec(text);
  return match ? match[2] : null;
}

/**
 * Under the reply editor: while "@Sa" is being typed, members whose name starts so; picking one
 * writes `@[Sarah Martin](id)`, which the API renders as a link to her profile and notifies her by.
 */
export function MentionSuggestions({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('threads');
  const prefix = mentionBeingTyped(value);
  const { data } = useQuery(MentionMembersQuery, { variables: { prefix: prefix ?? '' }, skip: !prefix });
  const members = prefix ? (data?.members ?? []) : [];
  if (members.length === 0) return null;
  const pick = (member: { id: string; displayName: string }) =>
    onChange(`${value.slice(0, value.length - prefix!.length - 1)}@[${member.displayName}](${member.id}) `);
  return (
    <div className="mention-suggestions" role="group" aria-label={t('mention.label')}>
      {members.map((member) => (
        <button key={member.id} type="button" className="button" onClick={() => pick(member)}>
          @{member.displayName}
        </button>
      ))}
    </div>
  );
}
