import { Injectable, NestMiddleware } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { verifyPassword } from '../password-hasher';
import { ssoError } from './sso.errors';

/**
 * Password sign-in turned off for an agency that signs in through its provider, in front of
 * `POST /api/auth/login`. It answers only for a correct password: to anyone else the login goes on
 * and fails as any wrong password does (throttled, audited), so the refusal tells nothing about
 * who is on staff. Password sign-in stays for everyone else, including the platform operator.
 */
@Injectable()
export class PasswordSignInGate implements NestMiddleware {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async use(req: Request, _res: Response, next: NextFunction): Promise<void> {
    const body = req.body as { email?: unknown; password?: unknown } | undefined;
    if (typeof body?.email !== 'string' || typeof body.password !== 'string') return next();
    const [row] = (await this.dataSource.query(
      `SELECT u.password_hash FROM staff_user u
         JOIN agency_sso s ON s.agency_id = u.agency_id AND s.enabled AND NOT s.password_sign_in
        WHERE u.email = $1`,
      [body.email.trim().toLowerCase()],
    )) as { password_hash: string }[];
    if (row && (await verifyPassword(row.password_hash, body.password)))
      throw ssoError('PASSWORD_SIGN_IN_OFF');
    next();
  }
}
