import { pickLocale, PublicAppealSummary } from '@vigie/common';
import { escapeMarkup } from '../../common/markup';
import { formatReward, KIND_LABELS, Lang, OUTCOME_LABELS } from './channel-language';

export interface FeedContext {
  baseUrl: string;
  lang: Lang;
  selfUrl: string;
  updated: Date;
}

const FEED_TITLE: Record<Lang, string> = { fr: 'Appels au public', en: 'Public appeals' };
const FEED_DESCRIPTION: Record<Lang, string> = {
  fr: 'Avis de recherche, personnes disparues, alertes AMBER et appels à témoins.',
  en: 'Wanted suspects, missing persons, AMBER alerts and appeals for witnesses.',
};

const pageUrl = (ctx: Pick<FeedContext, 'baseUrl' | 'lang'>, a: PublicAppealSummary) =>
  `${ctx.baseUrl}/appeals/${encodeURIComponent(a.slug)}${ctx.lang === 'en' ? '?lang=en' : ''}`;

function itemTitle(a: PublicAppealSummary, lang: Lang): string {
  const prefix = a.outcome ? OUTCOME_LABELS[a.outcome][lang] : KIND_LABELS[a.kind][lang];
  return `${prefix} · ${pickLocale(a.title, lang)}`;
}

/** Summary plus, prominently, the reward: feeds are read by newsrooms that quote them. */
function itemText(a: PublicAppealSummary, lang: Lang): string {
  const reward =
    a.reward && !a.outcome
      ? ` ${lang === 'fr' ? 'Récompense' : 'Reward'}: ${formatReward(a.reward.amount, a.reward.currency, lang)}.`
      : '';
  return `${pickLocale(a.summary, lang)}${reward}`;
}

/** An appeal's entry as every feed writes it (RSS title/description, Atom title/summary, JSON Feed). */
export function feedEntry(
  a: PublicAppealSummary,
  ctx: Pick<FeedContext, 'baseUrl' | 'lang'>,
): { title: string; summary: string; link: string } {
  return { title: itemTitle(a, ctx.lang), summary: itemText(a, ctx.lang), link: pageUrl(ctx, a) };
}

export function rssFeed(items: PublicAppealSummary[], ctx: FeedContext): string {
  const entries = items.map(
    (a) => `    <item>
      <title>${escapeMarkup(itemTitle(a, ctx.lang))}</title>
      <link>${escapeMarkup(pageUrl(ctx, a))}</link>
      <guid isPermaLink="true">${escapeMarkup(pageUrl(ctx, a))}</guid>
      <description>${escapeMarkup(itemText(a, ctx.lang))}</description>
      <category>${escapeMarkup(KIND_LABELS[a.kind][ctx.lang])}</category>
      <pubDate>${new Date(a.updatedAt).toUTCString()}</pubDate>
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeMarkup(FEED_TITLE[ctx.lang])}</title>
    <link>${escapeMarkup(ctx.baseUrl)}/</link>
    <description>${escapeMarkup(FEED_DESCRIPTION[ctx.lang])}</description>
    <language>${ctx.lang}-CA</language>
    <lastBuildDate>${ctx.updated.toUTCString()}</lastBuildDate>
    <atom:link href="${escapeMarkup(ctx.selfUrl)}" rel="self" type="application/rss+xml"/>
${entries.join('\n')}
  </channel>
</rss>
`;
}

export function atomFeed(items: PublicAppealSummary[], ctx: FeedContext): string {
  const entries = items.map(
    (a) => `  <entry>
    <id>${escapeMarkup(`${ctx.baseUrl}/appeals/${encodeURIComponent(a.slug)}`)}</id>
    <title>${escapeMarkup(itemTitle(a, ctx.lang))}</title>
    <link rel="alternate" type="text/html" href="${escapeMarkup(pageUrl(ctx, a))}"/>
    <published>${a.publishedAt}</published>
    <updated>${a.updatedAt}</updated>
    <summary>${escapeMarkup(itemText(a, ctx.lang))}</summary>
    <category term="${a.kind}" label="${escapeMarkup(KIND_LABELS[a.kind][ctx.lang])}"/>
    <author><name>${escapeMarkup(a.agency.name)}</name></author>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${ctx.lang}-CA">
  <id>${escapeMarkup(ctx.baseUrl)}/feeds/appeals.atom</id>
  <title>${escapeMarkup(FEED_TITLE[ctx.lang])}</title>
  <subtitle>${escapeMarkup(FEED_DESCRIPTION[ctx.lang])}</subtitle>
  <updated>${ctx.updated.toISOString()}</updated>
  <link rel="self" type="application/atom+xml" href="${escapeMarkup(ctx.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeMarkup(ctx.baseUrl)}/"/>
${entries.join('\n')}
</feed>
`;
}

/** JSON Feed 1.1, with the structured facts under `_vigie` for tools that want more than text. */
export function jsonFeed(items: PublicAppealSummary[], ctx: FeedContext): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: FEED_TITLE[ctx.lang],
    description: FEED_DESCRIPTION[ctx.lang],
    home_page_url: `${ctx.baseUrl}/`,
    feed_url: ctx.selfUrl,
    language: `${ctx.lang}-CA`,
    items: items.map((a) => ({
      id: `${ctx.baseUrl}/appeals/${encodeURIComponent(a.slug)}`,
      url: pageUrl(ctx, a),
      title: itemTitle(a, ctx.lang),
      content_text: itemText(a, ctx.lang),
      image: a.thumbnail ? `${ctx.baseUrl}${a.thumbnail.card.jpeg}` : undefined,
      date_published: a.publishedAt,
      date_modified: a.updatedAt,
      tags: [a.kind],
      authors: [{ name: a.agency.name }],
      _vigie: { kind: a.kind, status: a.status, outcome: a.outcome, reward: a.reward },
    })),
  });
}
