import { AppConfig } from '../config/app-config';

/**
 * What every connection Vigie opens shares: a bounded wait to connect, and TCP keepalives so a
 * connection to a server that vanished from the network is noticed.
 */
export function connectionBounds(config: AppConfig): { connectionTimeoutMillis: number; keepAlive: true } {
  return { connectionTimeoutMillis: config.env.DB_CONNECT_TIMEOUT_MS, keepAlive: true };
}
