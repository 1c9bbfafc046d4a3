import type { ArgumentsHost } from '@nestjs/common';
import { PortalTexts } from '../../portal/portal-texts';
import { BasicPageFilter } from './basic-page.filter';
import type { BasicPages } from './basic-pages.service';

/** A response that records what the filter sent. */
function responseRecorder() {
  const sent: { status?: number; page?: string } = {};
  return { sent, res: { headersSent: false, setHeader: () => undefined, set: () => undefined } };
}

function hostFor(req: Record<string, unknown>, res: unknown): ArgumentsHost {
  return {
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
  } as unknown as ArgumentsHost;
}

describe('BasicPageFilter', () => {
  const texts = new PortalTexts();

  function filterRecording() {
    const { sent, res } = responseRecorder();
    const pages = {
      texts,
      tipRefusal: (_lang: string, message: string) => `<html><p>${message}</p></html>`,
      send: (_res: unknown, status: number, page: string) => Object.assign(sent, { status, page }),
    } as unknown as BasicPages;
    return { filter: new BasicPageFilter(pages), sent, res };
  }

  it('answers a bug with a page in the visitor’s language giving the reference, not JSON', () => {
    const { filter, sent, res } = filterRecording();
    const req = { id: 'req-42', query: { lang: 'fr' }, headers: {}, path: '/basic/tips/new' };
    filter.catch(new TypeError('boom'), hostFor(req, res));
    expect(sent.status).toBe(500);
    expect(sent.page).toContain(texts.t('fr', 'errors.INTERNAL'));
    expect(sent.page).toContain('req-42');
    expect(sent.page).not.toContain('boom');
  });

  it('speaks English to an English visitor', () => {
    const { filter, sent, res } = filterRecording();
    const req = { query: {}, headers: { 'accept-language': 'en-CA,en;q=0.9' }, path: '/basic/tips/new' };
    filter.catch(new Error('boom'), hostFor(req, res));
    expect(sent.status).toBe(500);
    expect(sent.page).toContain(texts.t('en', 'errors.INTERNAL'));
  });
});
