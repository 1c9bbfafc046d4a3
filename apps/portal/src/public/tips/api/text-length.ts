/**
 * A length as the API counts it (class-validator's MaxLength, through validator's isLength): an emoji
 * made of two UTF-16 units, or a character with a presentation selector, counts once.
 */
export function textLength(value: string): number {
  const selectors = value.match(/[^\uFE0F\uFE0E][\uFE0F\uFE0E]/g)?.length ?? 0;
  const pairs = value.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0;
  return value.length - selectors - pairs;
}
