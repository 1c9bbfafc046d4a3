/**
 * How a tip goes to another agency on the same platform. TRANSFER: the other agency owns it from
 * then on (the tipster's thread follows it); the sender keeps a read-only record. COPY: an
 * information copy the other agency triages on its own; the tip and the tipster's thread stay here.
 */
export enum ForwardMode {
  TRANSFER = 'TRANSFER',
  COPY = 'COPY',
}
