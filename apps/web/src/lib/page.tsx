import { createContext, useContext, type ReactNode } from 'react';

/**
 * What the page being rendered shares with the server that renders it, and the client that
 * hydrates it: the site's public address (canonical links), and whether the page turned out to be
 * "not found" (the server answers 404 and renders the not-found page in its place; the client
 * hydrates that same page, then navigates normally).
 */
export interface PageState {
  /** The address people open Parvis at, without a trailing slash (PUBLIC_URL). */
  publicUrl: string;
  /** The path rendered as the not-found page on the first render, or null. */
  notFoundPath: string | null;
  /** Called by whatever shows a NOT_FOUND answer in place of the page's content (the server listens). */
  reportNotFound?: () => void;
  /** When the server rendered the page (ISO): relative times are written from it until hydrated. */
  renderedAt?: string;
}

const PageContext = createContext<PageState>({ publicUrl: '', notFoundPath: null });

export function PageProvider({ value, children }: { value: PageState; children: ReactNode }) {
  return <PageContext.Provider value={value}>{children}</PageContext.Provider>;
}

export function usePage(): PageState {
  return useContext(PageContext);
}

/** The absolute address of a path of this site (for canonical links and link previews). */
export function useAbsoluteUrl(): (path: string) => string {
  const { publicUrl } = usePage();
  return (path) => `${publicUrl}${path}`;
}

/** The id of the element that carries a server-rendered page's state (JSON, not a script). */
export const PAGE_STATE_ELEMENT_ID = 'parvis-page';

/** What a server-rendered page hands to the browser that hydrates it. */
export interface SerializedPage {
  /** The Apollo cache the page was rendered from. */
  apollo: Record<string, unknown>;
  publicUrl: string;
  notFoundPath: string | null;
  /** The time zone the page's dates were written in. */
  timeZone: string;
  /** When the page was rendered (ISO): the "now" its relative times were written from. */
  renderedAt?: string;
}
