import { noscriptTags } from './basic-layout';
import { PortalTexts } from './portal-texts';

const texts = new PortalTexts();

describe('noscriptTags', () => {
  it('sends a browser without scripts from the tip form and follow-up routes to their simple version', () => {
    expect(noscriptTags(texts, '/tips/new', 'missing-lea-2026').head).toContain(
      '<meta http-equiv="refresh" content="0; url=/basic/tips/new?appeal=missing-lea-2026" />',
    );
    expect(noscriptTags(texts, '/tips/new/').head).toContain('content="0; url=/basic/tips/new"');
    expect(noscriptTags(texts, '/tips/follow-up').head).toContain('content="0; url=/basic/tips/follow-up"');
    expect(noscriptTags(texts, '/').head).not.toContain('refresh');
    expect(noscriptTags(texts, '/appeals/missing-lea-2026').head).not.toContain('refresh');
  });

  it('keeps everything inside <noscript>, in both languages, and links an appeal’s page to its own form', () => {
    const { head, body } = noscriptTags(texts, '/appeals/missing-lea-2026');
    expect(head).toMatch(
      /^<noscript><link rel="stylesheet" href="\/basic\/style\.[0-9a-f]{12}\.css"><\/noscript>$/,
    );
    expect(body).toMatch(/^<noscript>.*<\/noscript>$/s);
    expect(body).toContain('<div lang="fr">');
    expect(body).toContain('<div lang="en">');
    expect(body).toContain('href="/basic/tips/new?lang=fr&#38;appeal=missing-lea-2026"');
    expect(body).toContain('href="/basic/tips/follow-up?lang=en"');
  });

  it('never carries an appeal parameter that is not a slug', () => {
    const hostile = '"><script>alert(1)</script>';
    const { head, body } = noscriptTags(texts, '/tips/new', hostile);
    expect(head + body).not.toContain('<script');
    expect(head).toContain('content="0; url=/basic/tips/new"');
  });
});
