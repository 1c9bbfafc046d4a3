import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AlertAreaDto,
  AlertAreaType,
  AlertChannel,
  AlertSubscriptionReceipt,
  EmailAlertSubscriptionDto,
  PushAlertSubscriptionDto,
} from '@vigie/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { loggableError } from '../../common/loggable-error';
import { AppConfig } from '../../config/app-config';
import type { Agency } from '../../identity/agency.entity';
import { Agencies } from '../../identity/agencies.service';
import { Mailer } from '../../mail/mailer';
import { confirmationMail } from './alert-mail';
import { AlertTokens, EmailChoice } from './alert-tokens';
import { alertError } from './alerts.errors';
import { pushEndpointRefusal, pushHosts } from './push-endpoint';

/** Where the links of alerts and confirmations lead: pages drawn by the server, working without JavaScript. */
export const CONFIRM_PATH = '/basic/alerts/confirm';
export const UNSUBSCRIBE_PATH = '/basic/alerts/unsubscribe';

/**
 * Subscriptions without an account. A push subscription is stored when the browser sends it (the
 * browser already asked the person's permission); an e-mail address only once its owner followed
 * the confirmation link, which carries their choices until then. Removing one takes its signed
 * token, found in every message and kept by the browser that subscribed.
 */
@Injectable()
export class AlertSubscriptions {
  private readonly logger = new Logger(AlertSubscriptions.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: Agencies,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly tokens: AlertTokens,
  ) {}

  get emailAvailable(): boolean {
    return this.mailer.configured;
  }

  async subscribePush(dto: PushAlertSubscriptionDto): Promise<AlertSubscriptionReceipt> {
    const refusal = pushEndpointRefusal(dto.endpoint, {
      hosts: pushHosts(this.config.env.ALERT_PUSH_HOSTS),
      allowLoopbackHttp: this.config.env.ALERT_PUSH_ALLOW_LOOPBACK_HTTP,
    });
    if (refusal) throw alertError('BAD_ENDPOINT', { message: refusal, errors: { endpoint: refusal } });
    // The keys the message is encrypted with (RFC 8291): an uncompressed P-256 point and 16 bytes.
    const p256dh = Buffer.from(dto.keys.p256dh, 'base64url');
    if (p256dh.length !== 65 || p256dh[0] !== 4)
      throw alertError('BAD_ENDPOINT', { errors: { 'keys.p256dh': 'Not a P-256 public key' } });
    if (Buffer.from(dto.keys.auth, 'base64url').length !== 16)
      throw alertError('BAD_ENDPOINT', { errors: { 'keys.auth': 'Not a 16-byte secret' } });
    const agency = await this.agencyOf(dto.agency);
    const area = areaColumns(dto.area);
    // The same browser subscribing again (other kinds, another area) changes its subscription.
    const [row]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO alert_subscription
         (agency_id, channel, endpoint, p256dh, auth, kinds, latitude, longitude, radius_km, language, created_at)
       VALUES ($1, 'PUSH', $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (agency_id, endpoint) WHERE endpoint IS NOT NULL DO UPDATE SET
         p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth, kinds = EXCLUDED.kinds, latitude = EXCLUDED.latitude,
         longitude = EXCLUDED.longitude, radius_km = EXCLUDED.radius_km, language = EXCLUDED.language
       RETURNING id`,
      [
        agency.id,
        dto.endpoint,
        dto.keys.p256dh,
        dto.keys.auth,
        dto.kinds,
        area.latitude,
        area.longitude,
        area.radiusKm,
        dto.language,
        this.clock.now(),
      ],
    );
    return { channel: AlertChannel.PUSH, active: true, unsubscribeToken: this.tokens.unsubscribe(row.id) };
  }

  /** Sends the confirmation link; stores nothing. */
  async requestEmail(dto: EmailAlertSubscriptionDto): Promise<AlertSubscriptionReceipt> {
    if (!this.mailer.configured) throw alertError('NO_EMAIL');
    const agency = await this.agencyOf(dto.agency);
    const choice: EmailChoice = {
      agencyId: agency.id,
      email: dto.email.trim().toLowerCase(),
      kinds: dto.kinds,
      area: { ...dto.area },
      language: dto.language,
    };
    const token = this.tokens.confirmation(choice, this.clock.now());
    const url = `${this.config.publicUrl}${CONFIRM_PATH}?token=${token}&lang=${dto.language}`;
    try {
      await this.mailer.send(confirmationMail(choice.email, dto.language, agency.name, url));
    } catch (err) {
      // The relay's answer can name the address: only the error's kind goes to the log.
      this.logger.warn({ err: loggableError(err) }, 'A confirmation e-mail could not be sent');
      throw alertError('MAIL_FAILED');
    }
    return { channel: AlertChannel.EMAIL, active: false };
  }

  /** Stores the subscription a confirmation link carries (again: the same link twice is one subscription). */
  async confirmEmail(token: string): Promise<{ unsubscribeToken: string; language: string }> {
    const choice = this.tokens.openConfirmation(token, this.clock.now());
    if (!choice) throw alertError('BAD_LINK');
    const area = areaColumns(choice.area);
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO alert_subscription
         (agency_id, channel, email, kinds, latitude, longitude, radius_km, language, created_at)
       SELECT id, 'EMAIL', $2, $3, $4, $5, $6, $7, $8 FROM agency WHERE id = $1
       ON CONFLICT (agency_id, email) WHERE email IS NOT NULL DO UPDATE SET
         kinds = EXCLUDED.kinds, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
         radius_km = EXCLUDED.radius_km, language = EXCLUDED.language
       RETURNING id`,
      [
        choice.agencyId,
        choice.email,
        choice.kinds,
        area.latitude,
        area.longitude,
        area.radiusKm,
        choice.language,
        this.clock.now(),
      ],
    );
    // The agency is gone since the link was sent.
    if (!rows[0]) throw alertError('BAD_LINK');
    return { unsubscribeToken: this.tokens.unsubscribe(rows[0].id), language: choice.language };
  }

  /** Removes the subscription the token was signed for. Removing one already gone is not an error. */
  async unsubscribe(token: string): Promise<void> {
    const id = this.tokens.subscriptionOf(token);
    if (!id) throw alertError('BAD_LINK');
    await this.dataSource.query(`DELETE FROM alert_subscription WHERE id = $1`, [id]);
  }

  private async agencyOf(slug: string): Promise<Agency> {
    const agency = await this.agencies.bySlug(slug);
    if (!agency)
      throw alertError('UNKNOWN_AGENCY', { errors: { agency: 'Choose a police service from the list' } });
    return agency;
  }
}

function areaColumns(area: Pick<AlertAreaDto, 'type' | 'latitude' | 'longitude' | 'radiusKm'>) {
  return area.type === AlertAreaType.RADIUS
    ? { latitude: area.latitude ?? null, longitude: area.longitude ?? null, radiusKm: area.radiusKm ?? null }
    : { latitude: null, longitude: null, radiusKm: null };
}
