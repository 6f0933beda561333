import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AwsClient } from 'aws4fetch';
import type { S3Config } from '../config/config';

/**
 * Where upload files live. Files are written once under a key made of the upload's id and never
 * overwritten or removed (the never-delete rule covers photos too), so the store needs only two
 * verbs. `get` answers null for a key it does not hold.
 */
export interface UploadStore {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer | null>;
}

export const UPLOAD_STORE = Symbol('UPLOAD_STORE');

/** The local store: a folder (by default `<data folder>/uploads`), one sub-folder per key's first two characters. */
export class LocalUploadStore implements UploadStore {
  constructor(private readonly dir: string) {}

  path(key: string): string {
    if (!/^[0-9a-z][0-9a-z.-]*$/.test(key)) throw new Error(`Not an upload key: ${key}`);
    return join(this.dir, key.slice(0, 2), key);
  }

  async put(key: string, body: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    // Written beside, then renamed: a reader never sees half a file.
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, body);
    await rename(partial, path);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}

/**
 * Any S3-compatible store (AWS S3, MinIO, Cloudflare R2, Scaleway…), addressed path-style
 * (`<endpoint>/<bucket>/<key>`, which every one of them accepts), requests signed with AWS
 * Signature V4 by aws4fetch.
 */
export class S3UploadStore implements UploadStore {
  private readonly client: AwsClient;

  constructor(private readonly config: S3Config) {
    this.client = new AwsClient({
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      region: config.region,
      service: 's3',
    });
  }

  url(key: string): string {
    return `${this.config.endpoint}/${encodeURIComponent(this.config.bucket)}/${encodeURIComponent(key)}`;
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    const response = await this.client.fetch(this.url(key), {
      method: 'PUT',
      body: new Uint8Array(body),
      headers: { 'content-type': contentType },
    });
    if (!response.ok)
      throw new Error(`The S3 store refused ${key}: ${response.status} ${await response.text()}`);
  }

  async get(key: string): Promise<Buffer | null> {
    const response = await this.client.fetch(this.url(key), { method: 'GET' });
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) throw new Error(`The S3 store answered ${response.status} for ${key}.`);
    return Buffer.from(await response.arrayBuffer());
  }
}
