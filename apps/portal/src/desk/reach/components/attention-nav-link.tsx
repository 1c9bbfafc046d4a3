import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useAttentionCount } from '../hooks/use-social-posts';

/**
 * "Posts to check" in the desk's navigation, with how many posts wait there, so a PIO knows without
 * opening it. Nothing at zero, or while the count is unknown (not read yet, or the read failed): a
 * badge that is wrong is worse than none. Rendered only for those who may see the page.
 */
export function AttentionNavLink() {
  const { t } = useTranslation();
  const read = useAttentionCount(true);
  // A read that failed keeps the last count in the cache: not shown, since it may no longer be true.
  const count = read.isError ? 0 : (read.data?.count ?? 0);
  return (
    <NavLink
      to="/desk/reach/attention"
      className="desk-nav__link"
      // The number is read with its words ("3 posts to check"), not as "Posts to check 3".
      aria-label={count > 0 ? t('desk.nav.socialAttentionCount', { count }) : undefined}
    >
      {t('desk.nav.socialAttention')}
      {count > 0 && (
        <span className="desk-nav__count" aria-hidden="true">
          {count}
        </span>
      )}
    </NavLink>
  );
}
