import { plainToInstance, Transform } from 'class-transformer';
import { IsInt, Max, Min, validateSync } from 'class-validator';
import { ConfigError } from '../config/environment';
import { BANDS } from './signals/perceptual-bands';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

/**
 * What counts as "near" for the signals, read from the environment and validated at boot like
 * the rest of the configuration. The defaults are the ones the evaluation (`npm run bench --
 * dedupe`) was run with; README.md in this folder explains each.
 */
export class DedupeSettings {
  /** Two sightings this close (great-circle metres) can be the same one. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(10_000)
  DEDUPE_PLACE_RADIUS_M = 300;

  /** …and this close in time (what the tipster gave as "when", else when the tip arrived). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  DEDUPE_PLACE_MINUTES = 60;

  /** Texts are compared within the same appeal, or within this many hours of each other. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  DEDUPE_TEXT_WINDOW_HOURS = 72;

  /**
   * The largest pHash distance still called the same picture. Recompression, resizing and format
   * changes move our pHash by 0–2 bits, crops of 2–5 % by 2–10; different photos, even of the
   * same street, are 20 or more apart (README.md, "Near-duplicate media"). Capped so the band
   * lookup's guarantee holds with at most 3 bits probed per band.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(BANDS * 4 - 1)
  DEDUPE_NEAR_MEDIA_MAX_BITS = 10;
}

/** Parses and validates the dedupe variables, or throws a ConfigError naming every bad one. */
export function loadDedupeSettings(env: NodeJS.ProcessEnv): DedupeSettings {
  const picked = Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('DEDUPE_')));
  const settings = plainToInstance(DedupeSettings, picked, { exposeDefaultValues: true });
  const errors = validateSync(settings);
  if (errors.length > 0) {
    const lines = errors.map(
      (e) =>
        `  ${e.property}=${JSON.stringify(env[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee apps/api/src/dedupe/README.md.`);
  }
  return settings;
}
