import { MigrationInterface, QueryRunner } from 'typeorm';

const IDEA_TABLES = ['campaigns', 'ideas', 'idea_votes', 'idea_status_changes', 'notifications'];

export class AddIdeas1795456817581 implements MigrationInterface {
  name = 'AddIdeas1795456817581';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "space_id" uuid NOT NULL, "title" character varying(120) NOT NULL, "question" text NOT NULL, "opens_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "votes_per_member" integer, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "campaigns_votes_per_member_check" CHECK (votes_per_member IS NULL OR votes_per_member > 0), CONSTRAINT "campaigns_closes_after_opens_check" CHECK (closes_at > opens_at), CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "campaigns_space_closes_idx" ON "campaigns"  ("space_id", "closes_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ideas" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "thread_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'NEW', "votes_count" integer NOT NULL DEFAULT '0', "campaign_id" uuid, "merged_into_id" uuid, "status_changed_at" TIMESTAMP(3) WITH TIME ZONE, "last_vote_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ideas_thread_id_key" UNIQUE ("thread_id"), CONSTRAINT "ideas_not_merged_into_itself_check" CHECK (merged_into_id <> id), CONSTRAINT "ideas_merged_has_target_check" CHECK ((status = 'MERGED') = (merged_into_id IS NOT NULL)), CONSTRAINT "ideas_votes_count_check" CHECK (votes_count >= 0), CONSTRAINT "ideas_status_check" CHECK (status IN ('NEW', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS', 'LAUNCHED', 'DECLINED', 'MERGED')), CONSTRAINT "ideas_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ideas_merged_into_id_idx" ON "ideas"  ("merged_into_id") `);
    await queryRunner.query(`CREATE INDEX "ideas_campaign_id_idx" ON "ideas"  ("campaign_id") `);
    await queryRunner.query(`CREATE INDEX "ideas_status_idx" ON "ideas"  ("status") `);
    await queryRunner.query(
      `CREATE INDEX "ideas_votes_idx" ON "ideas"  ("votes_count", "created_at", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "ideas_created_idx" ON "ideas"  ("created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "idea_votes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "idea_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP(3) WITH TIME ZONE, "moved_from_idea_id" uuid, CONSTRAINT "idea_votes_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idea_votes_user_id_idx" ON "idea_votes"  ("user_id") `);
    await queryRunner.query(
      `CREATE INDEX "idea_votes_idea_created_idx" ON "idea_votes"  ("idea_id", "created_at") WHERE withdrawn_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "idea_votes_one_active_per_member_key" ON "idea_votes"  ("idea_id", "user_id") WHERE withdrawn_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "idea_status_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "idea_id" uuid NOT NULL, "from_status" character varying(16) NOT NULL, "to_status" character varying(16) NOT NULL, "response_markdown" text, "response_html" text, "changed_by_id" uuid NOT NULL, "merged_into_id" uuid, "votes_moved" integer, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "idea_status_changes_merge_check" CHECK ((to_status = 'MERGED') = (merged_into_id IS NOT NULL)), CONSTRAINT "idea_status_changes_to_status_check" CHECK (to_status IN ('NEW', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS', 'LAUNCHED', 'DECLINED', 'MERGED')), CONSTRAINT "idea_status_changes_from_status_check" CHECK (from_status IN ('NEW', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS', 'LAUNCHED', 'DECLINED', 'MERGED')), CONSTRAINT "idea_status_changes_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idea_status_changes_idea_created_idx" ON "idea_status_changes"  ("idea_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "idea_id" uuid, "data" jsonb NOT NULL, "actor_id" uuid, "read_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notifications_kind_check" CHECK (kind IN ('IDEA_STATUS_CHANGED', 'IDEA_MERGED')), CONSTRAINT "notifications_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_user_unread_idx" ON "notifications"  ("user_id") WHERE read_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_user_created_idx" ON "notifications"  ("user_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ideas" ADD CONSTRAINT "ideas_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ideas" ADD CONSTRAINT "ideas_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ideas" ADD CONSTRAINT "ideas_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "ideas"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "idea_votes" ADD CONSTRAINT "idea_votes_idea_id_fkey" FOREIGN KEY ("idea_id") REFERENCES "ideas"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "idea_votes" ADD CONSTRAINT "idea_votes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "idea_votes" ADD CONSTRAINT "idea_votes_moved_from_idea_id_fkey" FOREIGN KEY ("moved_from_idea_id") REFERENCES "ideas"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "idea_status_changes" ADD CONSTRAINT "idea_status_changes_idea_id_fkey" FOREIGN KEY ("idea_id") REFERENCES "ideas"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "idea_status_changes" ADD CONSTRAINT "idea_status_changes_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "idea_status_changes" ADD CONSTRAINT "idea_status_changes_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "ideas"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_idea_id_fkey" FOREIGN KEY ("idea_id") REFERENCES "ideas"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // ─── Rules the database itself enforces (hand-written: TypeORM does not model triggers) ───

    // votes_count is exactly the number of active votes: every insert adds one and every
    // withdrawal removes one, under the idea row's lock, in the voting transaction itself.
    // The same trigger refuses a new vote on a closed idea, outside its campaign's opening
    // hours, or beyond the campaign's budget; a per-member, per-campaign advisory lock makes
    // the budget count race-free. Votes moved by a merge are not new votes: only counted.
    await queryRunner.query(`CREATE FUNCTION idea_votes_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  idea_status varchar;
  idea_campaign uuid;
  campaign campaigns%ROWTYPE;
  used integer;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.withdrawn_at IS NOT NULL THEN
      RAISE EXCEPTION 'A vote is cast active.' USING ERRCODE = 'check_violation', CONSTRAINT = 'idea_votes_history_check';
    END IF;
    UPDATE ideas SET votes_count = votes_count + 1, last_vote_at = GREATEST(last_vote_at, NEW.created_at)
      WHERE id = NEW.idea_id RETURNING status, campaign_id INTO idea_status, idea_campaign;
    IF NEW.moved_from_idea_id IS NULL THEN
      IF idea_status IN ('LAUNCHED', 'DECLINED', 'MERGED') THEN
        RAISE EXCEPTION 'Voting is closed on this idea.' USING ERRCODE = 'check_violation', CONSTRAINT = 'idea_votes_idea_open_check';
      END IF;
      IF idea_campaign IS NOT NULL THEN
        SELECT * INTO campaign FROM campaigns WHERE id = idea_campaign;
        IF now() < campaign.opens_at OR now() >= campaign.closes_at THEN
          RAISE EXCEPTION 'The campaign is not open for voting.' USING ERRCODE = 'check_violation', CONSTRAINT = 'idea_votes_campaign_open_check';
        END IF;
        IF campaign.votes_per_member IS NOT NULL THEN
          PERFORM pg_advisory_xact_lock(hashtextextended(idea_campaign::text || '/' || NEW.user_id::text, 0));
          SELECT count(*) INTO used FROM idea_votes v JOIN ideas i ON i.id = v.idea_id
            WHERE i.campaign_id = idea_campaign AND v.user_id = NEW.user_id AND v.withdrawn_at IS NULL AND v.id <> NEW.id;
          IF used >= campaign.votes_per_member THEN
            RAISE EXCEPTION 'No votes left in this campaign.' USING ERRCODE = 'check_violation', CONSTRAINT = 'idea_votes_campaign_budget_check';
          END IF;
        END IF;
      END IF;
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    -- Vote history is kept as it was: only withdrawing an active vote is a change.
    IF OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL OR NEW.idea_id <> OLD.idea_id OR NEW.user_id <> OLD.user_id
       OR NEW.created_at <> OLD.created_at OR NEW.moved_from_idea_id IS DISTINCT FROM OLD.moved_from_idea_id THEN
      RAISE EXCEPTION 'A vote can only be withdrawn, once.' USING ERRCODE = 'check_violation', CONSTRAINT = 'idea_votes_history_check';
    END IF;
    UPDATE ideas SET votes_count = votes_count - 1 WHERE id = NEW.idea_id;
  END IF;
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER idea_votes_count AFTER INSERT OR UPDATE ON "idea_votes" FOR EACH ROW EXECUTE FUNCTION idea_votes_count()`,
    );

    // Ideas, votes, their history, campaigns and notifications are never deleted.
    await queryRunner.query(
      `CREATE FUNCTION ideas_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'Parvis never deletes from %: withdraw, merge or change the status instead.', TG_TABLE_NAME USING ERRCODE = 'restrict_violation'; END $$`,
    );
    for (const table of IDEA_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_refuse_delete BEFORE DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION ideas_refuse_delete()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of IDEA_TABLES)
      await queryRunner.query(`DROP TRIGGER ${table}_refuse_delete ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION ideas_refuse_delete()`);
    await queryRunner.query(`DROP TRIGGER idea_votes_count ON "idea_votes"`);
    await queryRunner.query(`DROP FUNCTION idea_votes_count()`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_actor_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_idea_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_user_id_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "idea_status_changes" DROP CONSTRAINT "idea_status_changes_merged_into_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "idea_status_changes" DROP CONSTRAINT "idea_status_changes_changed_by_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "idea_status_changes" DROP CONSTRAINT "idea_status_changes_idea_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "idea_votes" DROP CONSTRAINT "idea_votes_moved_from_idea_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "idea_votes" DROP CONSTRAINT "idea_votes_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "idea_votes" DROP CONSTRAINT "idea_votes_idea_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "ideas" DROP CONSTRAINT "ideas_merged_into_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "ideas" DROP CONSTRAINT "ideas_campaign_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "ideas" DROP CONSTRAINT "ideas_thread_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP CONSTRAINT "campaigns_created_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP CONSTRAINT "campaigns_space_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_unread_idx"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."idea_status_changes_idea_created_idx"`);
    await queryRunner.query(`DROP TABLE "idea_status_changes"`);
    await queryRunner.query(`DROP INDEX "public"."idea_votes_one_active_per_member_key"`);
    await queryRunner.query(`DROP INDEX "public"."idea_votes_idea_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."idea_votes_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "idea_votes"`);
    await queryRunner.query(`DROP INDEX "public"."ideas_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."ideas_votes_idx"`);
    await queryRunner.query(`DROP INDEX "public"."ideas_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."ideas_campaign_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."ideas_merged_into_id_idx"`);
    await queryRunner.query(`DROP TABLE "ideas"`);
    await queryRunner.query(`DROP INDEX "public"."campaigns_space_closes_idx"`);
    await queryRunner.query(`DROP TABLE "campaigns"`);
  }
}
