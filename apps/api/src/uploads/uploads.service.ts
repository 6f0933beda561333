import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canReadPost } from '@parvis/domain';
import { DataSource } from 'typeorm';
import { badInput, notFound } from '../common/domain-error';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import type { SignedInViewer, Viewer } from '../common/viewer';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { canReadPrivateFollowUp } from '../threads/threads.rules';
import { encodeImage, NotAnImage } from './image-encode';
import { Upload } from './upload.entity';
import { UPLOAD_STORE, type UploadStore } from './upload-store';
import { uploadAccess, type UploadAccessRow } from './uploads.queries';

export type UploadVariant = 'full' | 'thumbnail';

/** What the editor receives once a photo is stored: the Markdown to insert uses `url`. */
export interface StoredUpload {
  id: string;
  url: string;
  thumbnailUrl: string;
  width: number;
  height: number;
}

/** The URL of an upload in Markdown (the full-size photo; the renderer shows its thumbnail in posts). */
export const uploadUrl = (id: string): string => `/uploads/${id}`;

const storeKey = (id: string, variant: UploadVariant): string =>
  variant === 'full' ? `${id}.webp` : `${id}-thumb.webp`;

@Injectable()
export class UploadsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(UPLOAD_STORE) private readonly store: UploadStore,
    private readonly rateLimit: RateLimitService,
  ) {}

  /**
   * Stores a photo a member sends: counted against their hourly allowance, re-encoded (no
   * metadata, bounded size), written to the store, then its row. The files come first, so a row
   * never names a file that is not there; a file whose row failed is left unreferenced.
   */
  async upload(viewer: SignedInViewer, body: Buffer, at = new Date()): Promise<StoredUpload> {
    await this.rateLimit.hit(
      [{ key: `upload:user:${viewer.id}`, limit: this.config.uploads.perHour }],
      3600,
      `You have added ${this.config.uploads.perHour} photos in the last hour: wait a little before adding more.`,
    );
    let image;
    try {
      image = await encodeImage(body);
    } catch (error) {
      if (error instanceof NotAnImage) throw badInput('file', error.message, 'NOT_AN_IMAGE');
      throw error;
    }
    const id = randomUUID();
    await this.store.put(storeKey(id, 'full'), image.full.body, image.contentType);
    await this.store.put(storeKey(id, 'thumbnail'), image.thumbnail.body, image.contentType);
    await this.db.getRepository(Upload).insert({
      id,
      uploaderId: viewer.id,
      contentType: image.contentType,
      width: image.full.width,
      height: image.full.height,
      byteSize: image.full.body.length,
      thumbnailWidth: image.thumbnail.width,
      thumbnailHeight: image.thumbnail.height,
      createdAt: at,
    });
    return {
      id,
      url: uploadUrl(id),
      thumbnailUrl: `${uploadUrl(id)}/thumb`,
      width: image.full.width,
      height: image.full.height,
    };
  }

  /**
   * The file of an upload for this reader, or NOT_FOUND when there is none or they may not see
   * it (the same answer, so a hidden photo's existence is not revealed): a photo is seen by its
   * uploader, and by whoever may read the post (or private follow-up) it belongs to; until it
   * belongs to one, by its uploader only.
   */
  async read(
    viewer: Viewer,
    id: string,
    variant: UploadVariant,
  ): Promise<{ contentType: string; body: Buffer }> {
    const row = await uploadAccess(this.db, id);
    if (!row || !mayRead(viewer, row)) throw notFound('There is no such photo.', 'UPLOAD_NOT_FOUND');
    const body = await this.store.get(storeKey(id, variant));
    if (!body) throw notFound('There is no such photo.', 'UPLOAD_NOT_FOUND');
    return { contentType: row.content_type, body };
  }
}

export function mayRead(viewer: Viewer, row: UploadAccessRow): boolean {
  if (viewer?.id === row.uploader_id) return true;
  if (row.post_id && row.post_author_id) {
    const question =
      row.question_author_id !== null
        ? { authorId: row.question_author_id, hiddenAt: row.question_hidden_at }
        : null;
    return (
      canReadPost(viewer, { authorId: row.post_author_id, hiddenAt: row.post_hidden_at }) &&
      (!question || canReadPost(viewer, question))
    );
  }
  if (row.private_message_id && row.follow_up_asker_id)
    return canReadPrivateFollowUp(viewer, row.follow_up_asker_id);
  return false;
}
