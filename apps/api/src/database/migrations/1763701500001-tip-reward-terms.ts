import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reward in force when a tip arrived (amount, currency, terms, deadline), kept with the tip:
 * the tipster's eligibility and any claim follow it, whatever later happens to the appeal
 * (resolved, reward withdrawn or changed). Tips already received get the reward of the version
 * that was live at their arrival, if it was still open then.
 */
export class TipRewardTerms1763701500001 implements MigrationInterface {
  name = 'TipRewardTerms1763701500001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tip ADD COLUMN reward_terms jsonb`);
    await q.query(`
      UPDATE tip t SET reward_terms = live.reward
        FROM (
          SELECT t2.id,
                 (SELECT v.public->'content'->'reward' FROM appeal_version v
                   WHERE v.appeal_id = t2.appeal_id AND v.published_at <= t2.received_at
                   ORDER BY v.published_at DESC LIMIT 1) AS reward
            FROM tip t2 WHERE t2.appeal_id IS NOT NULL
        ) live
       WHERE live.id = t.id
         AND jsonb_typeof(live.reward) = 'object'
         AND (live.reward->>'expiresAt' IS NULL OR (live.reward->>'expiresAt')::timestamptz > t.received_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tip DROP COLUMN reward_terms`);
  }
}
