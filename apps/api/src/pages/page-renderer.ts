import { LANGUAGES } from '@parvis/domain';
import type { DocumentNode, FormattedExecutionResult } from 'graphql';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acceptedLanguage, knownLanguage } from '../common/reader-language';

/**
 * The web app's server renderer (apps/web/src/entry-server.tsx, built by `vite build --ssr` into
 * the web dist): the same React components as the browser, loaded from the build at start-up
 * (the API imports no web source). These are the shapes it exchanges with the API.
 */
export interface WebRenderer {
  createRenderer(options: {
    publicUrl: string;
    timeZone: string;
    manifest: Record<string, unknown>;
  }): (request: {
    url: string;
    language: string;
    execute(operation: {
      query: DocumentNode;
      variables: Record<string, unknown>;
      operationName?: string;
    }): Promise<FormattedExecutionResult>;
  }) => Promise<{ status: number; html: string; tags: string[] }>;
}

export type RenderPage = ReturnType<WebRenderer['createRenderer']>;

/** The renderer of a web build, or null when the build has none (WEB_DIST empty, or not built). */
export function loadRenderer(
  webDist: string | null,
  options: { publicUrl: string; timeZone: string },
): RenderPage | null {
  if (!webDist) return null;
  const bundle = join(webDist, 'server', 'entry-server.cjs');
  const manifest = join(webDist, '.vite', 'manifest.json');
  if (!existsSync(bundle) || !existsSync(manifest)) return null;
  // A CommonJS bundle, required at run time from the build (never from the web's sources).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const web = require(bundle) as WebRenderer;
  return web.createRenderer({
    ...options,
    manifest: JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>,
  });
}

export type Language = (typeof LANGUAGES)[number];

/**
 * The language a page is rendered in, by the client's own rule: the one the reader chose (the
 * cookie the language switcher writes), else the signed-in member's preference, else the first
 * of Accept-Language that Parvis speaks, else English.
 */
export function pageLanguage(
  chosen: unknown,
  memberLocale: string | null | undefined,
  acceptLanguage: string | undefined,
): Language {
  return knownLanguage(chosen) ?? knownLanguage(memberLocale) ?? acceptedLanguage(acceptLanguage) ?? 'en';
}
