import { Session } from './identity/session.entity';
import { User } from './identity/user.entity';
import { RateLimitHit } from './common/rate-limit/rate-limit-hit.entity';
import { Space } from './spaces/space.entity';
import { Thread } from './threads/thread.entity';
import { Post } from './threads/post.entity';
import { PostRevision } from './threads/post-revision.entity';
import { Thanks } from './threads/thanks.entity';
import { PrivateFollowUp, PrivateMessage } from './threads/private-follow-up.entity';
import { Campaign } from './ideas/campaign.entity';
import { Idea } from './ideas/idea.entity';
import { IdeaVote } from './ideas/idea-vote.entity';
import { IdeaStatusChange } from './ideas/idea-status-change.entity';
import { IdeaCount } from './ideas/idea-count.entity';
import { ThreadSearchDocument } from './search/thread-search-document.entity';
import { ThreadSearchReplyChunk } from './search/thread-search-reply-chunk.entity';
import { Follow } from './notifications/follow.entity';
import { NotificationPreference, NotificationSettings } from './notifications/notification-preference.entity';
import { Notification } from './notifications/notification.entity';
import { ModerationAction } from './moderation-log/moderation-action.entity';
import { Flag } from './moderation/flag.entity';
import { CrisisBanner } from './moderation/crisis-banner.entity';
import { AccountToken } from './identity/account-token.entity';
import { MailOutbox } from './mail/mail-outbox.entity';
import { CaughtMail } from './mail/caught-mail.entity';
import { MailUnsubscribe } from './mail/mail-unsubscribe.entity';
import { AssignmentEvent } from './desk/assignment-event.entity';
import { InternalNote, InternalNoteRevision, NoteReader } from './desk/internal-note.entity';
import { DutyException, DutySchedule } from './desk/duty.entity';
import { AskAttempt } from './reports/ask-attempt.entity';
import { DigestRecipient } from './reports/digest-recipient.entity';
import { Upload } from './uploads/upload.entity';
import { MaintenanceRun } from './database/maintenance-run.entity';

/**
 * Every table's entity, owned by the app (database/ knows no domain): the app's data source, the
 * demo seed and the migration generator receive this list. A new entity is added here and in a
 * migration.
 */
export const APP_ENTITIES = [
  User,
  Session,
  RateLimitHit,
  Space,
  Thread,
  Post,
  PostRevision,
  Thanks,
  PrivateFollowUp,
  PrivateMessage,
  Campaign,
  Idea,
  IdeaVote,
  IdeaStatusChange,
  IdeaCount,
  ThreadSearchDocument,
  ThreadSearchReplyChunk,
  Notification,
  NotificationPreference,
  NotificationSettings,
  Follow,
  ModerationAction,
  Flag,
  CrisisBanner,
  AccountToken,
  MailOutbox,
  CaughtMail,
  MailUnsubscribe,
  AssignmentEvent,
  InternalNote,
  InternalNoteRevision,
  NoteReader,
  DutySchedule,
  DutyException,
  AskAttempt,
  DigestRecipient,
  Upload,
  MaintenanceRun,
];
