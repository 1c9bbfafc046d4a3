/**
 * Refuses a JSON body nested deeper than `max` before it is parsed. JSON.parse itself copes with
 * thousands of levels, but then validation, class-transformer and the logger walk the result
 * recursively and overflow the stack (a 500 on every JSON route, sign-in included). One pass over
 * the text, counting brackets outside strings: cheap, and bounded by the body size limit.
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash: the next character is escaped, whatever it is
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** body-parser's `verify` hook: a 400 the exceptions filter shows as it is, before any parsing. */
export function refuseDeepJson(max: number) {
  return (_req: unknown, _res: unknown, body: Buffer, encoding: string): void => {
    if (jsonDepthExceeds(body.toString(encoding as BufferEncoding), max))
      throw Object.assign(new Error(`The request body is nested more than ${max} levels deep`), {
        status: 400,
        expose: true,
        type: 'entity.too.deep',
      });
  };
}
