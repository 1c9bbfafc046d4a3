import { AlertAreaType, AppealKind, Locale } from '@vigie/common';
import { AlertTokens, CONFIRMATION_LIFETIME_MS, EmailChoice } from './alert-tokens';

const tokens = new AlertTokens(Buffer.alloc(32, 1));
const choice: EmailChoice = {
  agencyId: '9a4e1f5e-6b0a-4c59-8f55-0f0c8d2b8a11',
  email: 'lea@example.org',
  kinds: [AppealKind.AMBER_ALERT],
  area: { type: AlertAreaType.REGION },
  language: Locale.FR,
};
const ID = '2f1d8a4c-3b7e-4e0a-9c55-6d1e2f3a4b5c';
const OTHER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('AlertTokens', () => {
  it('signs an unsubscribe token for one subscription only', () => {
    const token = tokens.unsubscribe(ID);
    expect(tokens.subscriptionOf(token)).toBe(ID);
    const signature = token.split('.')[1];
    expect(tokens.subscriptionOf(`${OTHER}.${signature}`)).toBeNull();
    expect(tokens.subscriptionOf(`${ID}.${signature}x`)).toBeNull();
    expect(tokens.subscriptionOf(`${ID}.${signature}.${signature}`)).toBeNull();
    expect(new AlertTokens(Buffer.alloc(32, 2)).subscriptionOf(token)).toBeNull();
  });

  it('opens a confirmation until it expires, by the clock it is given', () => {
    const at = new Date('2026-12-07T10:00:00Z');
    const token = tokens.confirmation(choice, at);
    expect(token).not.toContain('lea@example.org');
    expect(tokens.openConfirmation(token, new Date(at.getTime() + CONFIRMATION_LIFETIME_MS))).toEqual(choice);
    expect(tokens.openConfirmation(token, new Date(at.getTime() + CONFIRMATION_LIFETIME_MS + 1))).toBeNull();
    expect(tokens.openConfirmation(token, new Date(at.getTime() - 1))).toBeNull();
  });

  it('does not take one kind of token for the other', () => {
    const confirmation = tokens.confirmation(choice, new Date());
    expect(tokens.subscriptionOf(confirmation)).toBeNull();
    expect(tokens.openConfirmation(tokens.unsubscribe(ID), new Date())).toBeNull();
  });
});
