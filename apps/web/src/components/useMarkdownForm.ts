import { THREAD_LIMITS } from '@parvis/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The translation key of what is wrong with a Markdown body, or null: the API's rule, checked before sending. */
function bodyProblem(body: string): 'errors.bodyRequired' | 'errors.bodyTooLong' | null {
  if (!body.trim()) return 'errors.bodyRequired';
  if (body.length > THREAD_LIMITS.body.max) return 'errors.bodyTooLong';
  return null;
}

interface MarkdownFormOptions {
  /** The text the editor starts with (an edit starts from the post's Markdown). */
  initial?: string;
  /** Sends the body; a rejection (the mutation's error, shown by the form) keeps the text. */
  send?: (bodyMarkdown: string) => Promise<unknown>;
  /** After a successful send: the text is cleared unless `keepText`. */
  onSent?: () => void;
  keepText?: boolean;
}

/**
 * The state of a form around a `MarkdownEditor`: the text, the problem shown beside the field
 * (the body rule checked before sending), and the submit handler. `editor` spreads onto
 * `<MarkdownEditor>`. A form that sends more than the body gives no `send` and calls
 * `validate()` with its other checks.
 */
export function useMarkdownForm({ initial = '', send, onSent, keepText = false }: MarkdownFormOptions = {}) {
  const { t } = useTranslation();
  const [body, setBody] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);

  const validate = (): boolean => {
    const found = bodyProblem(body);
    setProblem(found && t(found));
    return found === null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!validate() || !send) return;
    try {
      await send(body);
    } catch {
      return;
    }
    if (!keepText) setBody('');
    onSent?.();
  };

  return { body, validate, submit, editor: { value: body, onChange: setBody, error: problem } };
}
