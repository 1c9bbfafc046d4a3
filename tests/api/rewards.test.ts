import { AppealKind } from '@vigie/common';
import { Clock } from '../../apps/api/src/common/clock';
import { ApiClient } from '../support/api-client';
import { appealBody, publishedAppeal } from '../support/appeal-factory';
import { startTestApp, TestApp } from '../support/test-app';
import { tipForm } from '../support/tip-client';

let t: TestApp;
let anon: ApiClient;
let supervisor: ApiClient;
let investigator: ApiClient;
let rewardSlug: string;

async function tipWithToken(appeal?: string) {
  const receipt = (
    await anon.post(
      '/api/public/tips',
      tipForm({ description: 'Pour la récompense', ...(appeal ? { appeal } : {}) }),
    )
  ).body;
  const token = (
    await anon.post('/api/public/tips/follow-up', { code: receipt.code, password: receipt.password })
  ).body.token;
  return { code: receipt.code as string, auth: { authorization: `Bearer ${token}` } };
}

beforeAll(async () => {
  t = await startTestApp({ TIP_CHALLENGE: 'off', TIP_RATE_LIMIT: '0' });
  anon = new ApiClient(t.baseUrl);
  supervisor = await ApiClient.signedIn(t.baseUrl, 'supervisor@demo.test');
  investigator = await ApiClient.signedIn(t.baseUrl, 'investigator@demo.test');
  const { rows } = await t.db.query(
    `SELECT a.slug FROM appeal a JOIN appeal_version v ON v.id = a.current_version_id WHERE v.public->'content' ? 'reward' AND a.status = 'PUBLISHED'`,
  );
  rewardSlug = rows[0].slug;
});
afterAll(() => t.close());

describe('reward claims', () => {
  it('a tipster claims, a supervisor approves and records payment, and nobody learns who the tipster is', async () => {
    const { code, auth } = await tipWithToken(rewardSlug);
    const claimed = await anon.post('/api/public/tips/follow-up/reward-claim', undefined, auth);
    expect(claimed.status).toBe(201);
    expect(claimed.body.reward).toMatchObject({
      offered: true,
      eligible: false,
      claim: { status: 'REQUESTED' },
    });
    expect((await anon.post('/api/public/tips/follow-up/reward-claim', undefined, auth)).body.code).toBe(
      'REWARD_ALREADY_CLAIMED',
    );

    const [claim] = (await supervisor.get('/api/rewards/claims?status=REQUESTED')).body;
    expect(claim).toMatchObject({
      tipCode: code,
      status: 'REQUESTED',
      terms: expect.objectContaining({ amount: 10000, currency: 'CAD' }),
    });
    expect(
      (await supervisor.post(`/api/rewards/claims/${claim.id}/payment`, { reference: 'FIN-1' })).body.code,
    ).toBe('CLAIM_NOT_APPROVED');
    expect(
      (await investigator.post(`/api/rewards/claims/${claim.id}/decision`, { decision: 'APPROVE' })).status,
    ).toBe(403);
    expect(
      (await supervisor.post(`/api/rewards/claims/${claim.id}/decision`, { decision: 'APPROVE' })).body
        .status,
    ).toBe('APPROVED');
    const paid = await supervisor.post(`/api/rewards/claims/${claim.id}/payment`, {
      reference: 'FIN-2026-0042',
    });
    expect(paid.body).toMatchObject({ status: 'PAID', paymentReference: 'FIN-2026-0042' });
    expect(
      (await supervisor.post(`/api/rewards/claims/${claim.id}/decision`, { decision: 'REFUSE', reason: 'x' }))
        .body.code,
    ).toBe('CLAIM_NOT_PENDING');
    expect((await anon.get('/api/public/tips/follow-up', auth)).body.reward.claim.status).toBe('PAID');

    const { rows } = await t.db.query(
      `SELECT action FROM audit_event WHERE data->>'claimId' = $1 ORDER BY id`,
      [claim.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['reward.claimed', 'reward.approved', 'reward.paid']);
    expect(JSON.stringify(claim)).not.toMatch(/contact|phone|email|password/i);
  });

  it('refusal needs a reason', async () => {
    const { auth } = await tipWithToken(rewardSlug);
    await anon.post('/api/public/tips/follow-up/reward-claim', undefined, auth);
    const claims = (await supervisor.get('/api/rewards/claims?status=REQUESTED')).body;
    expect(
      (await supervisor.post(`/api/rewards/claims/${claims[0].id}/decision`, { decision: 'REFUSE' })).status,
    ).toBe(400);
    expect(
      (
        await supervisor.post(`/api/rewards/claims/${claims[0].id}/decision`, {
          decision: 'REFUSE',
          reason: 'Already known to police.',
        })
      ).body.status,
    ).toBe('REFUSED');
  });

  it('cannot be claimed when the appeal offers none, or when it has expired', async () => {
    const none = await tipWithToken();
    expect((await anon.post('/api/public/tips/follow-up/reward-claim', undefined, none.auth)).body.code).toBe(
      'REWARD_NOT_OFFERED',
    );
    const { auth } = await tipWithToken(rewardSlug);
    // The deadline kept with the tip passes (the app's clock, not the hour the test runs).
    const deadline = (await anon.get('/api/public/tips/follow-up', auth)).body.reward.expiresAt;
    t.app.get(Clock).set(new Date(Date.parse(deadline) + 60_000));
    const expired = await anon.post('/api/public/tips/follow-up/reward-claim', undefined, auth);
    expect(expired.status).toBe(409);
    expect(expired.body.code).toBe('REWARD_EXPIRED');
    expect((await anon.get('/api/public/tips/follow-up', auth)).body.reward).toMatchObject({
      offered: true,
      eligible: false,
      reason: 'EXPIRED',
    });
    t.app.get(Clock).set(undefined);
  });

  it('keeps the reward in force when the tip was sent, whatever happens to the appeal after', async () => {
    const pio = await ApiClient.signedIn(t.baseUrl, 'pio@demo.test');
    const appeal = await publishedAppeal(
      pio,
      supervisor,
      appealBody(AppealKind.MISSING_PERSON, {
        reward: {
          amount: 2500,
          currency: 'CAD',
          terms: { fr: 'Pour la retrouver.', en: 'For finding her.' },
          expiresAt: '2099-03-31T04:00:00.000Z',
        },
      }),
    );
    const { code, auth } = await tipWithToken(appeal.slug);
    const kept = {
      offered: true,
      eligible: true,
      reason: 'OPEN',
      amount: 2500,
      currency: 'CAD',
      terms: { fr: 'Pour la retrouver.', en: 'For finding her.' },
      expiresAt: '2099-03-31T04:00:00.000Z',
    };
    expect((await anon.get('/api/public/tips/follow-up', auth)).body.reward).toEqual(kept);

    // Found safe: the public page drops the reward, the tipster's terms stay as they were.
    expect((await pio.post(`/api/appeals/${appeal.id}/resolve`, { outcome: 'FOUND_SAFE' })).status).toBe(200);
    expect((await anon.get(`/api/public/appeals/${appeal.slug}`)).body.reward).toBeUndefined();
    expect((await anon.get('/api/public/tips/follow-up', auth)).body.reward).toEqual(kept);

    // The resolved appeal takes no more tips; the first one can still claim, on its own terms.
    expect(
      (await anon.post('/api/public/tips', tipForm({ description: 'Trop tard', appeal: appeal.slug })))
        .status,
    ).toBe(404);
    const claimed = await anon.post('/api/public/tips/follow-up/reward-claim', undefined, auth);
    expect(claimed.status).toBe(201);
    const claim = (await supervisor.get('/api/rewards/claims?status=REQUESTED')).body.find(
      (c: { tipCode: string }) => c.tipCode === code,
    );
    expect(claim.terms).toMatchObject({
      amount: 2500,
      currency: 'CAD',
      expiresAt: '2099-03-31T04:00:00.000Z',
    });
  });
});
