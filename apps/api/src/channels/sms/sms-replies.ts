import type { TextOutcome } from '../../tips/intake';

/**
 * What the line answers, in French then English in one short text: the tipster's language is not
 * known from a number, and a second text would cost a second message. Never the tip's content.
 */
export function smsReply(outcome: TextOutcome, followUpUrl: string): string | null {
  if (!outcome.canReply) return null;
  switch (outcome.kind) {
    case 'OPENED':
      return (
        `Information reçue, merci. Code ${outcome.code}, mot de passe ${outcome.password}. ` +
        `Répondez ici pour ajouter des détails, ou suivez sur ${followUpUrl}. ` +
        `/ Tip received, thank you. Code ${outcome.code}, password ${outcome.password}. ` +
        `Reply here to add details, or follow up at ${followUpUrl}. STOP = arrêt/stop`
      );
    case 'THREADED':
      return `Ajouté au signalement ${outcome.code}. / Added to tip ${outcome.code}.`;
    case 'OPTED_OUT':
      return (
        'Vous ne recevrez plus de textos de ce numéro. START pour reprendre. ' +
        '/ You will receive no more texts from this number. START to resume.'
      );
    case 'OPTED_IN':
      return 'Textos réactivés. AIDE pour de l’aide. / Texts resumed. HELP for help.';
    case 'HELP':
      return (
        'Ligne de signalement : écrivez ce que vous avez vu; vous restez anonyme. Urgence : 911. STOP pour arrêter. ' +
        '/ Tip line: text what you saw; you stay anonymous. Emergency: 911. STOP to stop.'
      );
    case 'REPLAYED':
      return null;
  }
}
