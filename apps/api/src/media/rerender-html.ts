import { Client } from 'pg';
import { setImageProxyKey } from '../common/image-proxy-url';

/** Every stored rendering of Markdown: the table, its Markdown column and its HTML column. */
const RENDERED = [
  { table: 'posts', markdown: 'body_markdown', html: 'body_html' },
  { table: 'post_revisions', markdown: 'body_markdown', html: 'body_html' },
  { table: 'private_messages', markdown: 'body_markdown', html: 'body_html' },
  { table: 'crisis_banners', markdown: 'body_markdown', html: 'body_html' },
  { table: 'internal_notes', markdown: 'body_markdown', html: 'body_html' },
  { table: 'internal_note_revisions', markdown: 'body_markdown', html: 'body_html' },
  { table: 'idea_status_changes', markdown: 'response_markdown', html: 'response_html' },
] as const;

/**
 * HTML that loads something from another host: only images have a `src` (common/markdown), and
 * the renderer now points them at `/media/proxy`, so a `src="http` is an image stored before it did.
 */
const REMOTE_SOURCE = '%src="http%';

const BATCH = 500;

/**
 * The job as `main` runs it, once per database (database/run-once.ts): raise the version when the
 * renderer's rule for images changes, and the next start renders the stored bodies again.
 */
export const REMOTE_IMAGES_BACKFILL = { name: 'rerender-remote-images', version: 1 };

/**
 * Bodies stored before remote images went through the media proxy still point readers'
 * browsers at the other host. This renders them again from their Markdown with the current
 * renderer (remote images proxied, signed with `sessionSecret`'s key) and stores the new HTML:
 * the same Markdown, so not an edit (no revision, the edit date kept: the trigger lets the
 * owner say so, migration RerenderWithoutRevision). Run by the primary as the owner, before the
 * API answers, once per database (`REMOTE_IMAGES_BACKFILL`): each table is scanned once (`LIKE`,
 * no index needed; seconds at a million posts, hence once only), and the rows found are
 * rendered in batches, one short transaction each, so a million posts neither hold a
 * transaction open nor fill memory. A body edited meanwhile (its Markdown changed) is left to
 * the edit. Returns the rows rewritten per table.
 */
export async function rerenderRemoteImages(
  ownerUrl: string,
  sessionSecret: string,
): Promise<Record<string, number>> {
  setImageProxyKey(sessionSecret);
  // Loaded here, not with this file: a start that skips the job does not load the renderer.
  const { renderMarkdown } = await import('../common/markdown');
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  const rewritten: Record<string, number> = {};
  try {
    for (const { table, markdown, html } of RENDERED) {
      const { rows: found } = await client.query<{ id: string }>(
        `SELECT id FROM ${table} WHERE ${html} LIKE $1 ORDER BY id`,
        [REMOTE_SOURCE],
      );
      let count = 0;
      for (let start = 0; start < found.length; start += BATCH) {
        const ids = found.slice(start, start + BATCH).map((row) => row.id);
        const { rows } = await client.query<{ id: string; markdown: string; html: string }>(
          `SELECT id, ${markdown} AS markdown, ${html} AS html FROM ${table} WHERE id = ANY($1::uuid[])`,
          [ids],
        );
        const changed = rows
          .map((row) => ({ ...row, rendered: renderMarkdown(row.markdown) }))
          .filter((row) => row.rendered !== row.html);
        if (changed.length === 0) continue;
        await client.query('BEGIN');
        try {
          await client.query(`SET LOCAL parvis.rerendering_html = 'on'`);
          const result = await client.query(
            `UPDATE ${table} t SET ${html} = c.html
               FROM unnest($1::uuid[], $2::text[], $3::text[]) AS c(id, markdown, html)
              WHERE t.id = c.id AND t.${markdown} = c.markdown`,
            [
              changed.map((row) => row.id),
              changed.map((row) => row.markdown),
              changed.map((row) => row.rendered),
            ],
          );
          await client.query('COMMIT');
          count += result.rowCount ?? 0;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }
      if (count > 0) rewritten[table] = count;
    }
    return rewritten;
  } finally {
    await client.end();
  }
}
