import type { i18n as I18n } from 'i18next';
import { problemOf, problemSentence } from '../lib/graphql-errors';

/** A photo stored by the API (`POST /uploads`): `url` is what the Markdown names. */
export interface UploadedPhoto {
  id: string;
  url: string;
  thumbnailUrl: string;
  width: number;
  height: number;
}

/** A refused photo, with the sentence to show in the reader's language. */
export class PhotoRefused extends Error {}

/** The image files the editor sends (the API re-encodes them and refuses any other type itself). */
export const isPhoto = (file: File): boolean => file.type.startsWith('image/');

/**
 * Sends one photo to the API: its bytes as the body and its type as the Content-Type, the way
 * the API expects it (an image type cannot be sent from another site without a preflight, which
 * is its protection against cross-site requests). The API's refusal (code, field, reason) is
 * worded here in the reader's language, like every other error.
 */
export async function uploadPhoto(file: File, i18n: I18n): Promise<UploadedPhoto> {
  let response: Response;
  try {
    response = await fetch('/uploads', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': file.type || 'application/octet-stream' },
      body: file,
    });
  } catch {
    throw new PhotoRefused(
      problemSentence({ code: 'NETWORK', field: null, reason: null, values: {}, apiMessage: '' }, i18n),
    );
  }
  const answer = (await response.json().catch(() => null)) as
    UploadedPhoto | { errors?: { message?: string; extensions?: Record<string, unknown> }[] } | null;
  if (response.ok && answer && 'url' in answer) return answer;
  const error = answer && 'errors' in answer ? answer.errors?.[0] : undefined;
  throw new PhotoRefused(problemSentence(problemOf(error ?? {}), i18n));
}
