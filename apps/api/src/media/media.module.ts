import { Inject, Module } from '@nestjs/common';
import { setImageProxyKey } from '../common/image-proxy-url';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ImageProxyController } from './image-proxy.controller';

/** The image proxy (`/media/proxy`): remote images of posts, served by Parvis. */
@Module({ controllers: [ImageProxyController] })
export class MediaModule {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Before any Markdown is rendered: the renderer signs remote images with this key.
    setImageProxyKey(config.sessionSecret);
  }
}
