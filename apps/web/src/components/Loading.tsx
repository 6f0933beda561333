import { PageSkeleton } from './Skeleton';

/**
 * Something loads whose shape is plain text (a form's data, a preview): a few placeholder lines.
 * Lists and posts have placeholders of their own shape (Skeleton.tsx).
 */
export function Loading() {
  return <PageSkeleton />;
}
