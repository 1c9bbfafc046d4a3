import { Controller, Header, HttpCode, Post, Req } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { Request } from 'express';
import { validateRequest } from 'twilio/lib/webhooks/webhooks';
import { Public } from '../../common/auth.decorators';
import { DomainException } from '../../common/domain.exception';
import { AppConfig } from '../../config/app-config';
import { Agencies } from '../../identity/agencies.service';
import { SmsIntake } from '../../tips/intake';
import { ProviderMedia } from './provider-media';
import { smsReply } from './sms-replies';
import { smsError } from './sms.errors';
import { twiml } from './twiml';

export const SMS_WEBHOOK_PATH = '/api/channels/sms/inbound';
/**
 * A number in E.164 form; on WhatsApp (which the same provider API carries) prefixed `whatsapp:`.
 * The tipster's address is kept as it came, so replies go back on the same network.
 */
const ADDRESS = /^(whatsapp:)?\+[1-9][0-9]{6,14}$/;
const MAX_MEDIA = 10;
const MAX_BODY = 1_600; // ten concatenated SMS segments, what providers deliver at most

const MEDIA_REFUSED =
  'Un fichier n’a pas été accepté; rien n’a été gardé de ce message. Renvoyez le texte seul. ' +
  '/ A file was not accepted; nothing of this message was kept. Send the text alone again.';

/**
 * The SMS provider's webhook (Twilio's format): a text to an agency's number. Public, but nothing
 * is read before the provider's signature over PUBLIC_URL and the parameters is checked. Answers
 * TwiML, whose <Message> the provider sends back to the tipster. The sender's number is handed to
 * tips sealed away and is never logged (the request log holds no body).
 */
@Controller('api/channels/sms')
export class SmsWebhookController {
  constructor(
    private readonly config: AppConfig,
    private readonly agencies: Agencies,
    private readonly intake: SmsIntake,
    private readonly media: ProviderMedia,
  ) {}

  @Post('inbound')
  @Public()
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  @ApiExcludeEndpoint()
  async inbound(@Req() req: Request): Promise<string> {
    const { env } = this.config;
    if (!env.SMS_ENABLED) throw smsError('SMS_DISABLED');
    const params = (req.body ?? {}) as Record<string, unknown>;
    const signature = req.header('x-twilio-signature');
    if (
      !signature ||
      !validateRequest(env.SMS_AUTH_TOKEN!, signature, this.config.publicUrl + SMS_WEBHOOK_PATH, params)
    )
      throw smsError('BAD_SIGNATURE');
    const text = parseText(params);
    const agency = await this.agencies.bySmsNumber(text.agencyNumber);
    if (!agency) throw smsError('UNKNOWN_NUMBER');

    const files = await this.media.fetchAll(text.mediaUrls);
    try {
      const outcome = await this.intake.receive({
        agencyId: agency.id,
        language: agency.languages[0] ?? 'fr',
        messageSid: text.messageSid,
        from: text.from,
        body: text.body,
        files,
      });
      return twiml(smsReply(outcome, `${this.config.publicUrl}/tips/follow-up`));
    } catch (err) {
      // A refused file (type, size, hidden content): nothing stored, and the tipster is told.
      if (err instanceof DomainException && err.status < 500 && text.mediaUrls.length > 0)
        return twiml(MEDIA_REFUSED);
      throw err;
    } finally {
      await this.media.discard(files);
    }
  }
}

function parseText(params: Record<string, unknown>) {
  const str = (name: string) => (typeof params[name] === 'string' ? (params[name] as string) : undefined);
  const errors: Record<string, string> = {};
  const from = str('From') ?? '';
  const to = str('To') ?? '';
  const messageSid = str('MessageSid') ?? '';
  const body = str('Body') ?? '';
  const numMedia = Number(str('NumMedia') ?? '0');
  if (!ADDRESS.test(from)) errors.From = 'Not an international number';
  if (!ADDRESS.test(to)) errors.To = 'Not an international number';
  else if (from.startsWith('whatsapp:') !== to.startsWith('whatsapp:'))
    errors.To = 'Sender and recipient on different networks';
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(messageSid)) errors.MessageSid = 'Missing or malformed';
  if (body.length > MAX_BODY) errors.Body = 'Too long';
  if (!Number.isInteger(numMedia) || numMedia < 0 || numMedia > MAX_MEDIA) errors.NumMedia = 'Out of range';
  const mediaUrls: string[] = [];
  for (let i = 0; i < numMedia && !errors.NumMedia; i++) {
    const url = str(`MediaUrl${i}`);
    if (!url) errors[`MediaUrl${i}`] = 'Missing';
    else mediaUrls.push(url);
  }
  if (!body.trim() && mediaUrls.length === 0) errors.Body = 'Empty message';
  if (Object.keys(errors).length > 0) throw smsError('BAD_WEBHOOK', { errors });
  return { from, agencyNumber: to.replace(/^whatsapp:/, ''), messageSid, body, mediaUrls };
}
