import { MapTiles, parseMapTilesUrl } from './map-tiles';
import { Environment } from './environment';

/**
 * The validated configuration plus what boot derived from it (the database URL of the embedded
 * server, the encryption key read from disk). Injected wherever configuration is needed.
 */
export class AppConfig {
  constructor(
    readonly env: Environment,
    readonly databaseUrl: string,
    readonly encryptionKey: Buffer,
  ) {}

  get publicUrl(): string {
    return (this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`).replace(/\/$/, '');
  }

  /** The configured tile server, or null: then no page loads tiles from anywhere. */
  get mapTiles(): MapTiles | null {
    const tiles = this.env.MAP_TILES_URL ? parseMapTilesUrl(this.env.MAP_TILES_URL) : null;
    return typeof tiles === 'string' ? null : tiles; // a bad one never passes loadEnvironment
  }

  get cookieSecure(): boolean {
    return this.env.COOKIE_SECURE ?? this.publicUrl.startsWith('https://');
  }
}
