import { Module } from '@nestjs/common';
import { RateLimitModule } from '../common/rate-limit/rate-limit.module';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { LocalUploadStore, S3UploadStore, UPLOAD_STORE } from './upload-store';
import { UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';

/** Photos in posts: `POST /uploads`, `GET /uploads/<id>[/thumb]`, kept in a local folder or an S3-compatible store. */
@Module({
  imports: [RateLimitModule],
  controllers: [UploadsController],
  providers: [
    UploadsService,
    {
      provide: UPLOAD_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.uploads.s3 ? new S3UploadStore(config.uploads.s3) : new LocalUploadStore(config.uploads.dir),
    },
  ],
  exports: [UploadsService],
})
export class UploadsModule {}
