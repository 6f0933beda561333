import { MigrationInterface, QueryRunner } from 'typeorm';

export class Mail1795677102319 implements MigrationInterface {
  name = 'Mail1795677102319';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "account_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" character varying(20) NOT NULL, "token_hash" character varying(64) NOT NULL, "email" character varying(254), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "account_tokens_token_hash_key" UNIQUE ("token_hash"), CONSTRAINT "account_tokens_purpose_check" CHECK (purpose IN ('EMAIL_CONFIRM', 'EMAIL_CHANGE', 'PASSWORD_RESET')), CONSTRAINT "account_tokens_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "account_tokens_user_id_idx" ON "account_tokens"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "mail_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "idempotency_key" character varying(200) NOT NULL, "kind" character varying(40) NOT NULL, "recipient_user_id" uuid, "to_address" character varying(254) NOT NULL, "locale" character varying(2) NOT NULL, "params" jsonb NOT NULL DEFAULT '{}', "sealed_params" text, "unsubscribe_list" character varying(40), "status" character varying(16) NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "mail_outbox_idempotency_key_key" UNIQUE ("idempotency_key"), CONSTRAINT "mail_outbox_status_check" CHECK (status IN ('PENDING', 'SENT', 'FAILED')), CONSTRAINT "mail_outbox_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "mail_outbox_recipient_user_id_idx" ON "mail_outbox"  ("recipient_user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "caught_mails" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "outbox_id" uuid NOT NULL, "to_address" character varying(254) NOT NULL, "from_header" text NOT NULL, "subject" text NOT NULL, "text" text NOT NULL, "html" text NOT NULL, "headers" jsonb NOT NULL DEFAULT '{}', "caught_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "caught_mails_outbox_id_key" UNIQUE ("outbox_id"), CONSTRAINT "caught_mails_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "caught_mails_caught_at_idx" ON "caught_mails"  ("caught_at") `);
    await queryRunner.query(
      `CREATE TABLE "mail_unsubscribes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "list" character varying(40) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mail_unsubscribes_user_id_list_key" UNIQUE ("user_id", "list"), CONSTRAINT "mail_unsubscribes_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "email_confirmed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account_tokens" DROP CONSTRAINT "account_tokens_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_confirmed_at"`);
    await queryRunner.query(`DROP TABLE "mail_unsubscribes"`);
    await queryRunner.query(`DROP INDEX "public"."caught_mails_caught_at_idx"`);
    await queryRunner.query(`DROP TABLE "caught_mails"`);
    await queryRunner.query(`DROP INDEX "public"."mail_outbox_recipient_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "mail_outbox"`);
    await queryRunner.query(`DROP INDEX "public"."account_tokens_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "account_tokens"`);
  }
}
