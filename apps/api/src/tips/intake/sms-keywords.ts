/**
 * The keywords carriers require an SMS line to honour (CTIA; Twilio's defaults), in French and
 * English: a text that is only one of these words, in any case, with or without accents or a final
 * period, is a command and never a tip.
 */
const KEYWORDS: Record<string, 'STOP' | 'START' | 'HELP'> = {
  STOP: 'STOP',
  ARRET: 'STOP',
  STOPALL: 'STOP',
  UNSUBSCRIBE: 'STOP',
  CANCEL: 'STOP',
  END: 'STOP',
  QUIT: 'STOP',
  START: 'START',
  UNSTOP: 'START',
  HELP: 'HELP',
  AIDE: 'HELP',
};

export function smsKeyword(body: string): 'STOP' | 'START' | 'HELP' | null {
  const word = body
    .trim()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[.!]+$/, '')
    .toUpperCase();
  return KEYWORDS[word] ?? null;
}
