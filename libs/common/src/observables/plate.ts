/**
 * Licence plates as people write them: "FXK 482", "fxk-482", "FXK482" are one plate, "FXK482"
 * (upper case, no separators). A plate is judged by its shape only, the shapes Canadian provinces
 * and US states issue: 5 to 8 letters and digits, both present, 2 to 4 letters, in at most three
 * runs (QC "FXK 482", "123 ABC", "A12 BCD"; ON "ABCD 123"; AB, NY, TX "ABC 1234"; BC "AB1 23C";
 * CA "7ABC123"). Near misses with such a shape are refused by name: a postal code ("H2X 1Y4"), a
 * tip code ("K7QM-2XH9"), a month and a year ("DEC 2026").
 */
const POSTAL_CODE = /^[A-Z]\d[A-Z]\d[A-Z]\d$/;
const TIP_CODE = /^[A-Z2-9]{8}$/;
const MONTH =
  /^(JAN|JANV|FEB|FEV|FEVR|MAR|MARS|APR|AVR|MAY|MAI|JUN|JUIN|JUL|JUIL|AUG|AOU|AOUT|SEP|SEPT|OCT|NOV|DEC)$/;

/** How sure the caller is that this is a plate: `loose` when the text says so ("plaque", "plate") or staff typed it. */
export type PlateContext = 'strict' | 'loose';

export function isPlateShape(compact: string, context: PlateContext = 'strict'): boolean {
  if (!/^[A-Z0-9]+$/.test(compact)) return false;
  // Unprompted, only the common 6 and 7 characters: "ES350", "GT500" (models) are 5.
  const [min, max] = context === 'loose' ? [5, 8] : [6, 7];
  if (compact.length < min || compact.length > max) return false;
  const letters = compact.replace(/\d/g, '').length;
  const digits = compact.length - letters;
  if (letters < 2 || letters > 4 || digits < 1 || digits > 4) return false;
  if ((compact.match(/[A-Z]+|\d+/g) ?? []).length > 3) return false;
  if (POSTAL_CODE.test(compact)) return false;
  if (compact.length === 8 && TIP_CODE.test(compact)) return false;
  // A month and a year or a day ("DEC 2026", "MAR 12"); a month's letters and 3 digits can be a plate.
  const month = compact.match(/^([A-Z]+)(\d+)$/);
  if (month && MONTH.test(month[1]) && (/^(19|20)\d\d$/.test(month[2]) || Number(month[2]) <= 31))
    return false;
  return true;
}

/** "fxk 482" → "FXK482"; null when it cannot be a plate. */
export function normalizePlate(raw: string, context: PlateContext = 'loose'): string | null {
  const compact = raw.toUpperCase().replace(/[\s.-]/g, '');
  return isPlateShape(compact, context) ? compact : null;
}
