import { DataSource } from 'typeorm';
import { APP_ENTITIES } from '../app-entities';
import { dataSourceOptions } from '../database/data-source-options';

/** A data source on `url` that knows the app's entities, as the API opens it (migrations not run). */
export function appDataSource(url: string): Promise<DataSource> {
  return new DataSource(dataSourceOptions(url, APP_ENTITIES)).initialize();
}
