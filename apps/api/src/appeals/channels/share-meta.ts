import { pickLocale, PublicAppeal, RESOLVED_INSTRUCTION, truncateText } from '@vigie/common';
import { escapeMarkup } from '../../common/markup';
import { COMPOSITE_LABEL, KIND_LABELS, Lang, OUTCOME_LABELS } from './channel-language';

/** The one-line title used by share cards, feeds and the page title. */
export function headline(appeal: PublicAppeal, lang: Lang): string {
  const prefix = appeal.outcome ? `${OUTCOME_LABELS[appeal.outcome][lang]} · ` : '';
  return `${prefix}${pickLocale(appeal.title, lang)}`;
}

/**
 * Open Graph and Twitter card tags for an appeal page, rendered on the server because social
 * crawlers do not run JavaScript. Title within 70 characters, description within 200.
 */
export function shareMetaTags(appeal: PublicAppeal, lang: Lang): { title: string; tags: string } {
  const title = truncateText(headline(appeal, lang), 70);
  // A found person's summary is gone with the rest of their details: say the appeal has ended.
  const description = truncateText(
    pickLocale(appeal.summary, lang) || (appeal.outcome ? RESOLVED_INSTRUCTION[lang] : ''),
    200,
  );
  const first = appeal.images[0];
  const alt = first
    ? [pickLocale(first.alt, lang), first.isComposite ? COMPOSITE_LABEL[lang] : '']
        .filter(Boolean)
        .join(' — ')
    : KIND_LABELS[appeal.kind][lang];
  const url = lang === 'fr' ? appeal.links.page : `${appeal.links.page}?lang=en`;
  const meta: [string, string, string][] = [
    ['name', 'description', description],
    ['property', 'og:type', 'article'],
    ['property', 'og:site_name', appeal.agency.name],
    ['property', 'og:title', title],
    ['property', 'og:description', description],
    ['property', 'og:url', url],
    ['property', 'og:image', appeal.links.socialImage],
    ['property', 'og:image:type', 'image/jpeg'],
    ['property', 'og:image:width', '1200'],
    ['property', 'og:image:height', '630'],
    ['property', 'og:image:alt', alt],
    ['property', 'og:locale', lang === 'fr' ? 'fr_CA' : 'en_CA'],
    ['property', 'og:locale:alternate', lang === 'fr' ? 'en_CA' : 'fr_CA'],
    ['name', 'twitter:card', 'summary_large_image'],
    ['name', 'twitter:title', title],
    ['name', 'twitter:description', description],
    ['name', 'twitter:image', appeal.links.socialImage],
    ['name', 'twitter:image:alt', alt],
  ];
  const tags = [
    ...meta.map(([attr, key, value]) => `<meta ${attr}="${key}" content="${escapeMarkup(value)}">`),
    `<link rel="canonical" href="${escapeMarkup(url)}">`,
    `<link rel="alternate" hreflang="fr" href="${escapeMarkup(appeal.links.page)}">`,
    `<link rel="alternate" hreflang="en" href="${escapeMarkup(appeal.links.page)}?lang=en">`,
    ...(appeal.links.cap
      ? [`<link rel="alternate" type="application/cap+xml" href="${escapeMarkup(appeal.links.cap)}">`]
      : []),
  ].join('\n    ');
  return { title: `${title} · ${appeal.agency.name}`, tags };
}
