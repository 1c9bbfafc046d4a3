import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The desk's count of posts to check (`GET /api/reach/social/posts/attention/count`, read by every
 * PIO's navigation every minute) through two partial indexes: the failed posts and takedowns of one
 * agency (a handful of rows, however many posts the agency has made), and the posts still up, by
 * account (only those of its disconnected accounts are counted; without it, every post such an
 * account ever made was read: 54-70 ms for one with 50,000).
 */
export class SocialPostAttention1763704837000 implements MigrationInterface {
  name = 'SocialPostAttention1763704837000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX social_post_attention ON social_post (agency_id) WHERE state IN ('FAILED', 'TAKEDOWN_FAILED')`,
    );
    await q.query(`CREATE INDEX social_post_up ON social_post (account_id) WHERE state = 'SENT'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX social_post_up`);
    await q.query(`DROP INDEX social_post_attention`);
  }
}
