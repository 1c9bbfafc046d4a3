import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SsoSignInOptions } from '@vigie/common';
import { DataSource } from 'typeorm';

const NONE: SsoSignInOptions = { sso: false, passwordSignIn: true, startUrl: null };

/**
 * What the desk's sign-in page offers. By `?agency=` slug, or by the domain of a typed e-mail:
 * never by the address itself, so the answer cannot tell whether a person is on staff, only that a
 * domain belongs to an agency that signs in through its provider (which its staff know anyway).
 */
@Injectable()
export class SsoOptionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forSignIn(by: { email?: string; agency?: string }): Promise<SsoSignInOptions> {
    const domain =
      typeof by.email === 'string' ? /@([^@\s]+)$/.exec(by.email.trim().toLowerCase())?.[1] : undefined;
    const rows: { slug: string; password_sign_in: boolean }[] =
      typeof by.agency === 'string'
        ? await this.dataSource.query(
            `SELECT a.slug, s.password_sign_in FROM agency a JOIN agency_sso s ON s.agency_id = a.id AND s.enabled WHERE a.slug = $1`,
            [by.agency],
          )
        : domain
          ? await this.dataSource.query(
              `SELECT DISTINCT a.slug, s.password_sign_in FROM agency_sso s
                 JOIN agency a ON a.id = s.agency_id
                 JOIN staff_user u ON u.agency_id = s.agency_id
                WHERE s.enabled AND u.email LIKE '%@' || $1`,
              [domain.replace(/[%_\\]/g, '')],
            )
          : [];
    // A domain shared by several agencies' staff (a province's) says nothing for sure: no offer.
    if (rows.length !== 1) return NONE;
    return {
      sso: true,
      passwordSignIn: rows[0].password_sign_in,
      startUrl: `/api/auth/sso/${encodeURIComponent(rows[0].slug)}/start`,
    };
  }
}
