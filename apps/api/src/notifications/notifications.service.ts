import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { badInput } from '../common/domain-error';
import { mapConnection, pageInCreationOrder } from '../common/pagination';
import { requireSignedIn, Viewer } from '../common/viewer';
import { LIVE_CHANNEL, LiveEvents } from '../events/live-events.service';
import { AppConfig, isTimeZone } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { AccountService } from '../identity/account.service';
import { IdentityService } from '../identity/identity.service';
import { mailLocale } from '../mail/mail-templates';
import { MailQueue } from '../mail/mail-queue';
import { MailService } from '../mail/mail.service';
import { FollowSubjectType } from './follow.entity';
import { NotificationPreference, NotificationSettings } from './notification-preference.entity';
import {
  defaultDelivery,
  Notification,
  NOTIFICATION_KINDS,
  NotificationDelivery,
  NotificationKind,
  NotificationSubject,
  NotificationSubjectType,
} from './notification.entity';
import { DIGEST_LISTS, mailListOf, noticePath, noticeSentence, wordsFor } from './notification-texts';
import { NotificationConnection, NotificationType } from './notification.type';
import {
  digestRecipients,
  follow,
  followedIds,
  insertNotifications,
  MAILED_UNTIL_READ,
  markNotificationsRead,
  markNotificationsReadBefore,
  markSubjectRead,
  noticesBetween,
  notificationCounts,
  NotificationGroupRow,
  notificationGroups,
  unfollow,
  unreadNotificationCount,
  WrittenNotice,
} from './notifications.queries';

export const UNREAD_COUNT_TOPIC = 'notifications:unread';

/** The people whose unread count changed (their ids only: each process counts for its own subscribers). */
export interface UnreadCountEventData {
  userIds: string[];
}

/** 150 ids of 36 characters stay far below PostgreSQL's 8,000-byte limit on a notification. */
const COUNT_EVENT_BATCH = 150;

/** What happened to a subject, and who did it. */
export interface NewNotification {
  kind: NotificationKind;
  subject: NotificationSubject;
  actorId: string | null;
  /** Ids and codes only (postId, followUpId, rule, status…): text is looked up when the notice is read. */
  data: Record<string, string | null>;
  /** Also tell everyone who follows this thread or idea. */
  followersOf?: { type: FollowSubjectType; id: string };
  /** People this event reaches through another notice (mentioned people are not also told of the reply). */
  exceptIds?: readonly string[];
  /** An event that reaches each person once, however many processes report it. */
  dedupeKey?: string;
  /** When it happened: now unless given (the demo seed writes a past). */
  at?: Date;
  /** The actor follows `followersOf` from now on (a post's author), unless they unfollowed it. */
  actorFollows?: boolean;
}

/**
 * The titles of a domain's subjects that anyone may read, by id (a hidden question's title is left
 * out): the domain owning a subject type registers it, so that mails name what they are about
 * without this module reading that domain's tables.
 */
export type SubjectTitles = (tx: EntityManager, ids: readonly string[]) => Promise<Map<string, string>>;

export interface PreferenceRow {
  kind: NotificationKind;
  delivery: NotificationDelivery;
}

export const DIGEST_JOB = 'notification-digests';

@Injectable()
export class NotificationsService implements OnModuleInit {
  private readonly logger = new Logger('Notifications');
  private readonly titles = new Map<NotificationSubjectType, SubjectTitles>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly identity: IdentityService,
    private readonly accounts: AccountService,
    private readonly mail: MailService,
    private readonly queue: MailQueue,
    private readonly live: LiveEvents,
  ) {}

  /** Digests: every hour at :00 UTC, each person whose local time is the digest hour gets theirs. */
  async onModuleInit(): Promise<void> {
    await this.schedule(DIGEST_JOB, () => this.sendDigests(new Date()), '0 * * * *');
  }

  /**
   * A check that notifies on a schedule (deadlines about to pass, campaigns closing): run by one
   * process per tick of `cron`, or for each job queued by `checkAt`. Checks notify with a dedupe
   * key, so a check run twice tells each person once.
   */
  schedule(
    name: string,
    check: (data: Record<string, unknown>) => Promise<unknown>,
    cron?: string,
  ): Promise<void> {
    return this.queue.work(name, async (data) => void (await check(data)), cron);
  }

  /** Queues one run of the check `name` at `when`, in the caller's transaction; one per `key`. */
  checkAt(
    tx: EntityManager,
    name: string,
    data: Record<string, unknown>,
    when: Date,
    key: string,
  ): Promise<void> {
    return this.queue.runAt(tx, name, data, when, key);
  }

  /** Called by the domain owning `type`, once, at start-up. */
  describeSubjects(type: NotificationSubjectType, titles: SubjectTitles): void {
    this.titles.set(type, titles);
  }

  /**
   * Notifies each of `recipientIds` (and the subject's followers) once, never the actor nor who
   * turned the kind off, in the caller's transaction, with one statement however many people that
   * is; then queues the e-mail of each who chose "e-mail at once" and confirmed their address, in
   * their language. Any domain calls this piece for its own subjects; returns the notices written.
   */
  async notify(
    tx: EntityManager,
    recipientIds: readonly string[],
    notification: NewNotification,
  ): Promise<WrittenNotice[]> {
    const { at, ...rest } = notification;
    // The recipients' unread counts are announced by the same statement (when `tx` commits).
    const written = await insertNotifications(
      tx,
      { recipientIds, ...rest, createdAt: at },
      { channel: LIVE_CHANNEL, topic: UNREAD_COUNT_TOPIC, batch: COUNT_EVENT_BATCH },
    );
    const byMail = written.filter((w) => w.mailNow);
    if (byMail.length > 0) await this.mailNotices(tx, notification, byMail);
    return written;
  }

  /** The viewer's unread count as it stands (the header bell's first value, then after each change). */
  unreadCount(userId: string): Promise<number> {
    return unreadNotificationCount(this.db.manager, userId);
  }

  /**
   * Tells the open pages of these people that their unread count changed, when `tx` commits.
   * A PostgreSQL notification holds at most 8,000 bytes: the ids go in batches well under it.
   */
  private async announceCounts(tx: EntityManager, userIds: readonly string[]): Promise<void> {
    for (let i = 0; i < userIds.length; i += COUNT_EVENT_BATCH) {
      const batch: UnreadCountEventData = { userIds: userIds.slice(i, i + COUNT_EVENT_BATCH) };
      await this.live.publish(tx, UNREAD_COUNT_TOPIC, batch);
    }
  }

  private async mailNotices(tx: EntityManager, n: NewNotification, notices: WrittenNotice[]): Promise<void> {
    // Who can be mailed first: with no confirmed address among them, nothing else is looked up.
    const recipients = new Map(
      (
        await this.accounts.confirmedRecipients(
          tx,
          notices.map((w) => w.userId),
        )
      ).map((r) => [r.userId, r]),
    );
    if (recipients.size === 0) return;
    const title = await this.titleOf(tx, n.subject);
    const data = { ...n.data, ...(await this.extraTitles(tx, n.data)) };
    const [actor] = n.actorId ? await this.identity.usersByIds([n.actorId], tx) : [];
    const { brandName } = this.config.mail;
    for (const notice of notices) {
      const recipient = recipients.get(notice.userId);
      if (!recipient) continue;
      const { displayName, ...to } = recipient;
      const locale = mailLocale(to.locale);
      const words = wordsFor(locale);
      const sentence = noticeSentence(locale, {
        kind: n.kind,
        actorName: actor?.displayName ?? null,
        title,
        data,
      });
      await this.mail.enqueue(tx, {
        kind: 'NOTIFICATION',
        idempotencyKey: `notification:${notice.id}`,
        to,
        params: {
          subject: `${sentence} · ${brandName}`,
          greeting: words.greeting(displayName),
          body: `${sentence}.${n.kind === 'POST_HIDDEN' ? `\n\n${words.hiddenHelp}` : ''}${
            MAILED_UNTIL_READ.includes(n.kind) ? `\n\n${words.untilRead}` : ''
          }`,
          action: words.action,
          path: noticePath(n.subject, n.data),
        },
        unsubscribeList: mailListOf(n.kind),
      });
    }
  }

  private async titleOf(tx: EntityManager, subject: NotificationSubject): Promise<string | null> {
    const titles = this.titles.get(subject.type);
    return titles ? ((await titles(tx, [subject.id])).get(subject.id) ?? null) : null;
  }

  /** A campaign's winner is named by its title in mails (an idea, looked up like any subject). */
  private async extraTitles(
    tx: EntityManager,
    data: Record<string, string | null>,
  ): Promise<Record<string, string | null>> {
    if (!data.winnerIdeaId) return {};
    return { winnerTitle: await this.titleOf(tx, { type: 'IDEA', id: data.winnerIdeaId }) };
  }

  // ─── Follows ──────────────────────────────────────────────────────────────────────────────

  /** Members follow what they post in, in the caller's transaction; an explicit unfollow stays. */
  autoFollow(
    tx: EntityManager,
    userIds: readonly string[],
    type: FollowSubjectType,
    id: string,
  ): Promise<void> {
    return follow(tx, userIds, { type, id }, false);
  }

  /**
   * Follows (or stops following) in the caller's transaction, as a deliberate act: voting for an
   * idea follows it, withdrawing the vote stops. Unlike `autoFollow`, it overrides an earlier choice.
   */
  async setFollowingIn(
    tx: EntityManager,
    userId: string,
    type: FollowSubjectType,
    id: string,
    following: boolean,
  ): Promise<void> {
    if (following) await follow(tx, [userId], { type, id }, true);
    else await unfollow(tx, userId, { type, id });
  }

  async setFollowing(
    viewer: Viewer,
    type: FollowSubjectType,
    id: string,
    following: boolean,
  ): Promise<boolean> {
    const user = requireSignedIn(viewer, following ? 'follow' : 'unfollow');
    await this.db.transaction((tx) => this.setFollowingIn(tx, user.id, type, id, following));
    return following;
  }

  /** Which of these threads or ideas someone follows (for the per-request loaders). */
  followedIds(userId: string, type: FollowSubjectType, ids: readonly string[]): Promise<Set<string>> {
    return followedIds(this.db.manager, userId, type, ids);
  }

  // ─── Reading ──────────────────────────────────────────────────────────────────────────────

  /** Marks every notice written before `before` read, as of when it was written (the demo's old news). */
  markReadBefore(tx: EntityManager, before: Date): Promise<void> {
    return markNotificationsReadBefore(tx, before);
  }

  /** The viewer's notifications, newest first, with how many they have and how many are unread. */
  async list(viewer: Viewer, first: number, after: string | undefined): Promise<NotificationConnection> {
    const user = requireSignedIn(viewer, 'see your notifications');
    const { total, unread } = await notificationCounts(this.db.manager, user.id);
    const query = this.db
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId: user.id });
    const page = await pageInCreationOrder(query, 'n', { first, after }, 'DESC', total);
    return { ...mapConnection(page, (row) => NotificationType.from(row)), unreadCount: unread };
  }

  /** The viewer's notices grouped per subject and kind, unread groups first. */
  groups(
    viewer: Viewer,
    kinds: NotificationKind[] | undefined,
    first: number,
  ): Promise<NotificationGroupRow[]> {
    const user = requireSignedIn(viewer, 'see your notifications');
    return notificationGroups(
      this.db.manager,
      user.id,
      kinds?.length ? kinds : null,
      Math.min(Math.max(first, 1), 100),
    );
  }

  /** Marks the given notifications of the viewer read (or all of them); returns how many stay unread. */
  async markRead(viewer: Viewer, ids: string[] | undefined): Promise<number> {
    const user = requireSignedIn(viewer, 'mark your notifications read');
    // Only the viewer's own rows: ids of someone else's notifications are silently not theirs to mark.
    await markNotificationsRead(this.db.manager, user.id, ids ?? null);
    await this.announceCounts(this.db.manager, [user.id]);
    return unreadNotificationCount(this.db.manager, user.id);
  }

  /** The viewer opened a thread, idea or campaign: its notices are read. Returns how many stay unread. */
  async markSubjectRead(viewer: Viewer, subject: NotificationSubject): Promise<number> {
    const user = requireSignedIn(viewer, 'mark your notifications read');
    await markSubjectRead(this.db.manager, user.id, subject);
    await this.announceCounts(this.db.manager, [user.id]);
    return unreadNotificationCount(this.db.manager, user.id);
  }

  // ─── Preferences ──────────────────────────────────────────────────────────────────────────

  /**
   * How the viewer hears of each kind. A kind whose e-mails they left by an unsubscribe link reads
   * IN_APP (its notices stay in the app): the link turned that kind's e-mail off.
   */
  async preferences(viewer: Viewer): Promise<PreferenceRow[]> {
    const user = requireSignedIn(viewer, 'see your notification preferences');
    const rows = await this.db.getRepository(NotificationPreference).findBy({ userId: user.id });
    const chosen = new Map(rows.map((r) => [r.kind, r.delivery]));
    const left = await this.mail.unsubscribedLists(user.id);
    return NOTIFICATION_KINDS.map((kind) => {
      let delivery = chosen.get(kind) ?? defaultDelivery(kind);
      if (delivery === 'EMAIL' && left.has(mailListOf(kind))) delivery = 'IN_APP';
      if ((delivery === 'DAILY' || delivery === 'WEEKLY') && left.has(DIGEST_LISTS[delivery]))
        delivery = 'IN_APP';
      return { kind, delivery };
    });
  }

  /** Sets how the viewer hears of one kind; choosing an e-mail again undoes an earlier unsubscribe. */
  async setPreference(
    viewer: Viewer,
    kind: NotificationKind,
    delivery: NotificationDelivery,
  ): Promise<PreferenceRow[]> {
    const user = requireSignedIn(viewer, 'change your notification preferences');
    await this.db.transaction(async (tx) => {
      await tx.upsert(NotificationPreference, { userId: user.id, kind, delivery }, ['userId', 'kind']);
      if (delivery === 'EMAIL') await this.mail.resubscribe(tx, user.id, mailListOf(kind));
      if (delivery === 'DAILY' || delivery === 'WEEKLY')
        await this.mail.resubscribe(tx, user.id, DIGEST_LISTS[delivery]);
    });
    return this.preferences(viewer);
  }

  async timeZone(viewer: Viewer): Promise<string> {
    const user = requireSignedIn(viewer, 'see your notification preferences');
    const row = await this.db.getRepository(NotificationSettings).findOneBy({ userId: user.id });
    return row?.timeZone ?? this.config.notifications.defaultTimeZone;
  }

  async setTimeZone(viewer: Viewer, timeZone: string): Promise<string> {
    const user = requireSignedIn(viewer, 'change your notification preferences');
    if (!isTimeZone(timeZone)) {
      throw badInput('timeZone', `"${timeZone}" is not a time zone: choose one such as Europe/Paris.`);
    }
    await this.db.getRepository(NotificationSettings).upsert({ userId: user.id, timeZone }, ['userId']);
    return timeZone;
  }

  // ─── Digests ──────────────────────────────────────────────────────────────────────────────

  /**
   * Sends the daily and weekly digests due at `now` (people whose local time is DIGEST_HOUR; weekly
   * ones on Mondays). Each is queued with the key (person, period): two processes running this in
   * the same hour write one mail. Returns how many digests were queued by this call.
   */
  async sendDigests(now: Date): Promise<number> {
    let queued = 0;
    for (const delivery of ['DAILY', 'WEEKLY'] as const) {
      const due = await digestRecipients(this.db.manager, {
        delivery,
        now,
        hour: this.config.notifications.digestHour,
        defaultTimeZone: this.config.notifications.defaultTimeZone,
      });
      for (const person of due) {
        try {
          if (
            await this.sendDigest(
              delivery,
              person.userId,
              person.periodKey,
              person.periodStart,
              person.periodEnd,
            )
          )
            queued += 1;
        } catch (error) {
          this.logger.warn(`Digest for ${person.userId}: ${(error as Error).message}`);
        }
      }
    }
    return queued;
  }

  private sendDigest(
    delivery: 'DAILY' | 'WEEKLY',
    userId: string,
    periodKey: string,
    from: Date,
    to: Date,
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const recipient = await this.accounts.confirmedRecipient(tx, userId);
      if (!recipient) return false;
      const notices = await noticesBetween(tx, userId, delivery, from, to);
      if (notices.length === 0) return false;
      const locale = mailLocale(recipient.locale);
      const words = wordsFor(locale);
      const titles = await this.subjectTitles(tx, notices);
      const people = new Map(
        (
          await this.identity.usersByIds(
            [userId, ...notices.flatMap((n) => (n.actorId ? [n.actorId] : []))],
            tx,
          )
        ).map((u) => [u.id, u.displayName]),
      );
      const lines = groupForDigest(notices).map(({ notice, others }) => {
        const data = {
          ...notice.data,
          winnerTitle: notice.data.winnerIdeaId
            ? (titles.get(`IDEA:${notice.data.winnerIdeaId}`) ?? null)
            : null,
        };
        const sentence = noticeSentence(locale, {
          kind: notice.kind,
          actorName: notice.actorId ? (people.get(notice.actorId) ?? null) : null,
          title: titles.get(`${notice.subjectType}:${notice.subjectId}`) ?? null,
          data,
          others,
        });
        return `• ${sentence}: ${this.config.mail.publicUrl}${noticePath({ type: notice.subjectType, id: notice.subjectId }, notice.data)}`;
      });
      const result = await this.mail.enqueue(tx, {
        kind: 'NOTIFICATION',
        idempotencyKey: `digest:${delivery.toLowerCase()}:${userId}:${periodKey}`,
        to: recipient,
        params: {
          subject: words.digestSubject[delivery](this.config.mail.brandName),
          greeting: words.greeting(people.get(userId) ?? ''),
          body: [words.digestIntro[delivery], ...lines].join('\n\n'),
          action: words.digestAction,
          path: '/notifications',
        },
        unsubscribeList: DIGEST_LISTS[delivery],
      });
      return result.queued;
    });
  }

  /** The public titles of the notices' subjects (and campaign winners), keyed "TYPE:id". */
  private async subjectTitles(tx: EntityManager, notices: Notification[]): Promise<Map<string, string>> {
    const wanted = new Map<NotificationSubjectType, Set<string>>();
    const want = (type: NotificationSubjectType, id: string) =>
      wanted.set(type, (wanted.get(type) ?? new Set()).add(id));
    for (const n of notices) {
      want(n.subjectType, n.subjectId);
      if (n.data.winnerIdeaId) want('IDEA', n.data.winnerIdeaId);
    }
    const titles = new Map<string, string>();
    for (const [type, ids] of wanted) {
      const resolve = this.titles.get(type);
      if (!resolve) continue;
      for (const [id, title] of await resolve(tx, [...ids])) titles.set(`${type}:${id}`, title);
    }
    return titles;
  }
}

/** Thanks for one post become one line ("Sarah and 3 others thanked your post"); the rest stay one line each. */
function groupForDigest(notices: Notification[]): { notice: Notification; others: number }[] {
  const lines: { notice: Notification; actors: Set<string | null> }[] = [];
  const thanks = new Map<string, { notice: Notification; actors: Set<string | null> }>();
  for (const notice of notices) {
    if (notice.kind === 'THANKED' && notice.data.postId) {
      const line = thanks.get(notice.data.postId);
      if (line) {
        line.actors.add(notice.actorId);
        continue;
      }
      const created = { notice, actors: new Set([notice.actorId]) };
      thanks.set(notice.data.postId, created);
      lines.push(created);
    } else lines.push({ notice, actors: new Set([notice.actorId]) });
  }
  return lines.map((l) => ({ notice: l.notice, others: l.actors.size - 1 }));
}
