import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Placeholders shaped like what is coming, while a query loads: the page keeps its layout (the
 * rows take the real rows' classes, so their padding and borders, and each line a line of text),
 * and a screen reader hears one "Loading…" from a busy status region instead of grey boxes.
 * The shimmer stops for readers who ask for reduced motion (styles.css).
 */
export function Skeleton({ children, className }: { children: ReactNode; className?: string }) {
  const { t } = useTranslation();
  return (
    <div className={className ? `skeleton ${className}` : 'skeleton'} role="status" aria-busy="true">
      <span className="visually-hidden">{t('loading')}</span>
      {children}
    </div>
  );
}

/** How much of its box a line fills, in percent (classes, not `style` attributes: the CSP). */
export type SkeletonWidth = 20 | 30 | 40 | 50 | 60 | 70 | 80 | 90 | 100;

/** One line of text to come, `width` percent of its box; a title's height if `title`. */
export function SkeletonText({ width = 100, title = false }: { width?: SkeletonWidth; title?: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={`skeleton-text skeleton-w${width}${title ? ' skeleton-title' : ''}`}
    />
  );
}

/** Widths that vary from row to row, as real titles do. */
const WIDTHS: SkeletonWidth[] = [70, 50, 80, 60, 40, 90, 60, 70];

/**
 * Rows of a list to come, in the list's own classes (`list` on the `<ul>`, `item` on each row if
 * its rows have one): a title line and `lines - 1` lines under it (meta, an excerpt).
 */
export function SkeletonItems({
  count = 6,
  list,
  item,
  lines = 2,
}: {
  count?: number;
  list: string;
  item?: string;
  lines?: number;
}) {
  return (
    <ul className={`${list} skeleton-list`} aria-hidden="true">
      {Array.from({ length: count }, (_, row) => (
        <li key={row} className={item ? `${item} skeleton-item` : 'skeleton-item'}>
          <span className="skeleton-item-main">
            <SkeletonText width={WIDTHS[row % WIDTHS.length]} />
            {Array.from({ length: lines - 1 }, (_, line) => (
              <SkeletonText key={line} width={line === lines - 2 ? 30 : 90} />
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A list to come: see `SkeletonItems`. */
export function SkeletonList(props: Parameters<typeof SkeletonItems>[0]) {
  return (
    <Skeleton>
      <SkeletonItems {...props} />
    </Skeleton>
  );
}

/** A post to come: the author's avatar and name, then a few lines of its body. */
function SkeletonPostShape({ lines = 3 }: { lines?: number }) {
  return (
    <div className="post skeleton-post" aria-hidden="true">
      <span className="skeleton-post-header">
        <span className="skeleton-avatar" />
        <SkeletonText width={30} />
      </span>
      {Array.from({ length: lines }, (_, line) => (
        <SkeletonText key={line} width={line === lines - 1 ? 40 : 90} />
      ))}
    </div>
  );
}

/** A page of posts to come (a thread, an idea, a private follow-up): its title, then `posts` posts. */
export function SkeletonPosts({ posts = 3 }: { posts?: number }) {
  return (
    <Skeleton>
      <SkeletonText title width={70} />
      <SkeletonPostShape lines={4} />
      {Array.from({ length: posts - 1 }, (_, post) => (
        <SkeletonPostShape key={post} lines={2} />
      ))}
    </Skeleton>
  );
}

/** A page to come whose shape is plain text (a form, a profile's header): a title and a few lines. */
export function PageSkeleton() {
  return (
    <Skeleton>
      <SkeletonText title width={60} />
      <SkeletonText />
      <SkeletonText />
      <SkeletonText width={40} />
    </Skeleton>
  );
}
