import { Foundation1795455791834 } from './1795455791834-Foundation';
import { AddThreads1795456518601 } from './1795456518601-AddThreads';
import { AddIdeas1795456817581 } from './1795456817581-AddIdeas';
import { AddSearch1795456878738 } from './1795456878738-AddSearch';
import { AddModeration1795457667773 } from './1795457667773-AddModeration';
import { HideRevisions1795461302703 } from './1795461302703-HideRevisions';
import { NotificationSubjects1795675168925 } from './1795675168925-NotificationSubjects';
import { Mail1795677102319 } from './1795677102319-Mail';
import { NotificationsEverywhere1795679357043 } from './1795679357043-NotificationsEverywhere';
import { RuntimeRole1795685443530 } from './1795685443530-RuntimeRole';
import { PostRevisionsTrigger1795685443531 } from './1795685443531-PostRevisionsTrigger';
import { SearchDocumentsIdeaCounts1795685517841 } from './1795685517841-SearchDocumentsIdeaCounts';
import { PageInvalidation1795685686487 } from './1795685686487-PageInvalidation';
import { ReportsAndDigest1795685707046 } from './1795685707046-ReportsAndDigest';
import { Desk1795686040280 } from './1795686040280-Desk';
import { AccountClosure1795686624519 } from './1795686624519-AccountClosure';
import { Uploads1795697026853 } from './1795697026853-Uploads';
import { SpaceTranslations1795697067577 } from './1795697067577-SpaceTranslations';
import { RerenderWithoutRevision1795697463732 } from './1795697463732-RerenderWithoutRevision';
import { ReportIndexes1795697662612 } from './1795697662612-ReportIndexes';
import { DropPostSearchIndexes1795697807308 } from './1795697807308-DropPostSearchIndexes';
import { ThreadCounts1795698400000 } from './1795698400000-ThreadCounts';
import { ReportHelperRollups1795709619236 } from './1795709619236-ReportHelperRollups';
import { MaintenanceRuns1795710077087 } from './1795710077087-MaintenanceRuns';
import { RateLimitWindowPerKey1795715389058 } from './1795715389058-RateLimitWindowPerKey';
import { IdeasStayInIdeaSpaces1795721189667 } from './1795721189667-IdeasStayInIdeaSpaces';
import { ReportNarrowRows1795721212293 } from './1795721212293-ReportNarrowRows';
import { FollowsBySubject1795721422009 } from './1795721422009-FollowsBySubject';
import { ThreadsResolvedBy1795721644221 } from './1795721644221-ThreadsResolvedBy';
import { ThreadsResolvedByWhileResolved1795729694663 } from './1795729694663-ThreadsResolvedByWhileResolved';
import { SearchReplyChunks1795755437367 } from './1795755437367-SearchReplyChunks';
import { ReportHelperReplyInsert1795756123828 } from './1795756123828-ReportHelperReplyInsert';
import { FlagsNotOnOwnPosts1795756138067 } from './1795756138067-FlagsNotOnOwnPosts';

/** Every migration, oldest first. Generated, read, kept with its `down`, never edited once merged. */
export const MIGRATIONS = [
  Foundation1795455791834,
  AddThreads1795456518601,
  AddIdeas1795456817581,
  AddSearch1795456878738,
  AddModeration1795457667773,
  HideRevisions1795461302703,
  NotificationSubjects1795675168925,
  Mail1795677102319,
  NotificationsEverywhere1795679357043,
  RuntimeRole1795685443530,
  PostRevisionsTrigger1795685443531,
  SearchDocumentsIdeaCounts1795685517841,
  PageInvalidation1795685686487,
  ReportsAndDigest1795685707046,
  Desk1795686040280,
  AccountClosure1795686624519,
  Uploads1795697026853,
  SpaceTranslations1795697067577,
  RerenderWithoutRevision1795697463732,
  ReportIndexes1795697662612,
  DropPostSearchIndexes1795697807308,
  ThreadCounts1795698400000,
  ReportHelperRollups1795709619236,
  MaintenanceRuns1795710077087,
  RateLimitWindowPerKey1795715389058,
  IdeasStayInIdeaSpaces1795721189667,
  ReportNarrowRows1795721212293,
  FollowsBySubject1795721422009,
  ThreadsResolvedBy1795721644221,
  ThreadsResolvedByWhileResolved1795729694663,
  SearchReplyChunks1795755437367,
  ReportHelperReplyInsert1795756123828,
  FlagsNotOnOwnPosts1795756138067,
];
