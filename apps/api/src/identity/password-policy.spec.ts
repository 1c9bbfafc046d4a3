import { passwordProblem } from './password-policy';

describe('password policy (NIST 800-63B)', () => {
  it('accepts a long passphrase without any composition rule', () => {
    expect(passwordProblem('gentle river lantern')).toBeNull();
    expect(passwordProblem('tout en minuscules sans chiffre')).toBeNull();
  });

  it('refuses fewer than 12 characters', () => {
    expect(passwordProblem('Sh0rt!pass')).toMatch(/12 characters/);
  });

  it('refuses common and breached passwords, in any case and with digits stuck on', () => {
    expect(passwordProblem('123qweasdzxc')).toMatch(/most often/);
    expect(passwordProblem('1qaz2wsx3edc')).toMatch(/most often/);
    expect(passwordProblem('Password123456')).toMatch(/most often/);
    expect(passwordProblem('!!Superman2024!!')).toMatch(/most often/);
  });

  it('refuses repeats and runs', () => {
    expect(passwordProblem('aaaaaaaaaaaaaa')).not.toBeNull();
    expect(passwordProblem('abcabcabcabc')).not.toBeNull();
    expect(passwordProblem('345678901234')).not.toBeNull();
    expect(passwordProblem('ZYXWVUTSRQPO')).not.toBeNull();
  });

  it("refuses the account's own e-mail or name", () => {
    expect(passwordProblem('marie.tremblay2026', ['marie.tremblay@example.org'])).not.toBeNull();
    expect(passwordProblem('marie walks by the river', ['marie.tremblay@example.org'])).toBeNull();
    expect(passwordProblem('tremblay20261', ['marie.tremblay@example.org', 'Marie Tremblay'])).not.toBeNull();
  });
});
