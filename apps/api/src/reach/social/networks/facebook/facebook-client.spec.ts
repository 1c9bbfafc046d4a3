import { join } from 'node:path';
import { loadContract, serveContract, type ContractServer } from '../recorded-contracts.fixtures';
import { SocialNetworkError, type SocialAccountCredentials } from '../social-network';
import { FacebookClient } from './facebook-client';

/**
 * The Facebook Page client against RECORDED CONTRACTS of the Graph API (contracts/*.json):
 * Facebook cannot run here, so a local server answers with the responses the API reference
 * documents, and each test asserts the request the client sent (method, path, Authorization
 * header, body fields).
 */

const contract = (name: string) => loadContract(join(__dirname, 'contracts', `${name}.json`));
const TOKEN = 'page-access-token-recorded';
const PAGE = '104857204850293';
const PHOTO = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const LINK = 'https://vigie.gatineau.ca/appeals/wanted-maloney';

describe('FacebookClient (recorded contracts of the Graph API)', () => {
  let server: ContractServer;
  const client = new FacebookClient({ timeoutMs: 300 });

  const account = (): SocialAccountCredentials => ({
    network: 'FACEBOOK',
    serviceUrl: `${server.url}/`,
    handle: 'Service de police de Gatineau',
    accountId: PAGE,
    secret: TOKEN,
  });

  afterEach(() => server.close());

  it('posts a photo with caption and alt text, a link post, a threaded comment, edits and deletes', async () => {
    server = await serveContract(contract('publish'));

    const photo = await client.post(account(), {
      text: 'RECHERCHÉ : aidez-nous à identifier cet homme',
      link: LINK,
      language: 'fr',
      image: { bytes: PHOTO, mimeType: 'image/png', altText: 'Portrait-robot du suspect' },
    });
    const linkPost = await client.post(account(), {
      text: 'WANTED: help us identify this man',
      link: LINK,
      language: 'en',
    });
    const update = await client.post(account(), {
      text: 'MISE À JOUR : aucune arrestation n’a eu lieu.',
      link: LINK,
      language: 'fr',
      replyTo: photo,
    });
    await client.edit(account(), photo, 'RÉSOLU : l’homme a été identifié. Merci.');
    await client.delete(account(), photo);

    expect(photo).toEqual({
      remoteId: `${PAGE}_122109857204850099`,
      url: `https://www.facebook.com/${PAGE}_122109857204850099`,
    });
    expect(linkPost.remoteId).toBe(`${PAGE}_122109860000000001`);
    expect(update).toMatchObject({
      remoteId: '122109857204850099_1180000000000001',
      root: { remoteId: photo.remoteId },
    });

    expect(server.received.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /${PAGE}/photos`,
      `POST /${PAGE}/feed`,
      `POST /${PAGE}_122109857204850099/comments`,
      `POST /${PAGE}_122109857204850099`,
      `DELETE /${PAGE}_122109857204850099`,
    ]);
    for (const request of server.received) {
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
      // The token never travels in a URL a proxy would log.
      expect(request.query.has('access_token')).toBe(false);
    }
    const [photoRequest, feedRequest, commentRequest, editRequest] = server.received;
    expect(photoRequest.form).toEqual({
      source: { bytes: PHOTO.length, type: 'image/png' },
      // Multipart sends line breaks as CRLF (HTML's form encoding), as a browser would.
      caption: `RECHERCHÉ : aidez-nous à identifier cet homme\r\n\r\n${LINK}`,
      alt_text_custom: 'Portrait-robot du suspect',
      published: 'true',
    });
    // A link post gets Facebook's card: the link is not written in the text as well.
    expect(feedRequest.json).toEqual({
      message: 'WANTED: help us identify this man',
      link: LINK,
      published: true,
    });
    expect(commentRequest.form).toEqual({
      message: `MISE À JOUR : aucune arrestation n’a eu lieu.\r\n\r\n${LINK}`,
    });
    expect(editRequest.json).toEqual({ message: 'RÉSOLU : l’homme a été identifié. Merci.' });
  });

  it('refuses a post over 8,000 characters or an image over 4 MB before calling Facebook', async () => {
    server = await serveContract(contract('publish'));

    const long = await client
      .post(account(), { text: 'é'.repeat(8001), link: LINK, language: 'fr' })
      .catch((error: unknown) => error);
    const heavy = await client
      .post(account(), {
        text: 'Disparue',
        link: LINK,
        language: 'fr',
        image: { bytes: Buffer.alloc(4 * 1024 * 1024 + 1), mimeType: 'image/jpeg', altText: 'Photo' },
      })
      .catch((error: unknown) => error);

    expect(long).toBeInstanceOf(SocialNetworkError);
    expect(long).toMatchObject({ network: 'FACEBOOK', retryable: false });
    expect(heavy).toMatchObject({ network: 'FACEBOOK', retryable: false });
    expect(server.received).toHaveLength(0);
  });

  it("reads comments and Messenger messages, leaves the Page's own out, and reads each once", async () => {
    server = await serveContract(contract('received'));

    const first = await client.received(account(), null);

    expect(first.messages).toEqual([
      {
        kind: 'COMMENT',
        remoteId: '122109857204850099_1180000000000001',
        url: `https://www.facebook.com/${PAGE}/posts/122109857204850099?comment_id=1180000000000001`,
        // Without the user-content permission Facebook leaves the author out: the archive says so.
        authorHandle: 'facebook:unknown',
        text: 'Shared!',
        receivedAt: new Date('2026-12-07T13:58:00Z'),
        inReplyToRemoteId: '122109857204850099_1170000000000009',
        mediaUrls: [],
      },
      {
        kind: 'COMMENT',
        remoteId: '122109857204850099_1180000000000003',
        url: `https://www.facebook.com/${PAGE}/posts/122109857204850099?comment_id=1180000000000003`,
        authorHandle: 'Marie Tremblay (facebook:7000000000000001)',
        text: "Je l'ai vu au dépanneur de la rue Principale vers 8 h",
        receivedAt: new Date('2026-12-07T14:02:11Z'),
        inReplyToRemoteId: `${PAGE}_122109857204850099`,
        mediaUrls: ['https://scontent.xx.fbcdn.net/v/t39/sighting.jpg'],
      },
      {
        kind: 'DIRECT_MESSAGE',
        remoteId: 'm_AAAAAAAAAAAAAAAA1',
        url: null,
        authorHandle: 'J. Smith (facebook:7000000000000002)',
        text: 'I have a video of the car, how do I send it?',
        // The same second as the comment above: both are read, and the cursor remembers both.
        receivedAt: new Date('2026-12-07T14:02:11Z'),
        inReplyToRemoteId: null,
        mediaUrls: ['https://scontent.xx.fbcdn.net/v/t1/car.jpg'],
      },
    ]);
    const [posts, conversations] = server.received;
    expect(posts.path).toBe(`/${PAGE}/published_posts`);
    expect(posts.query.get('fields')).toContain('comments.filter(stream)');
    expect(conversations.path).toBe(`/${PAGE}/conversations`);
    expect(conversations.query.get('platform')).toBe('messenger');

    const next = await client.received(account(), first.cursor);
    expect(next.messages).toEqual([]);
    expect(next.cursor).toBe(first.cursor);
  });

  it('tells an expired token (not retryable) from the rate limit, a server error and no answer (retryable)', async () => {
    server = await serveContract(contract('refusals'));
    const attempt = () =>
      client.post(account(), { text: 'Missing: Léa, 7', link: LINK, language: 'en' }).then(
        () => new Error('Facebook accepted a post its contract refuses'),
        (error: unknown) => error as SocialNetworkError,
      );

    const expired = await attempt();
    expect(expired).toMatchObject({ status: 400, retryable: false, retryAfterSeconds: null });
    expect(expired.message).toBe(
      'Facebook: Error validating access token: Session has expired on Sunday, 06-Dec-26 10:00:00 PST. (code 190)',
    );
    // Rate limits come as a 400 with code 32; the header says access comes back in 5 minutes.
    expect(await attempt()).toMatchObject({ status: 400, retryable: true, retryAfterSeconds: 300 });
    expect(await attempt()).toMatchObject({ status: 500, retryable: true });
    const timedOut = await attempt();
    expect(timedOut).toMatchObject({ status: null, retryable: true });
    expect(timedOut.message).toBe('no answer within 300 ms');
  });

  it('says which Page a token opens, and refuses a malformed one for good', async () => {
    server = await serveContract(contract('verify'));

    expect(await client.verify(account())).toEqual({
      accountId: PAGE,
      handle: 'Service de police de Gatineau',
    });
    await expect(client.verify(account())).rejects.toMatchObject({ status: 400, retryable: false });
    expect(server.received[0].path).toBe('/me');
    expect(server.received[0].query.get('fields')).toBe('id,name');
    expect(server.received[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});
