import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { BrandMark } from './brand-mark';
import { LanguageToggle } from './language-toggle';

export function SiteHeader() {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="site-header__bar container">
        <Link to="/" className="brand" aria-label={t('app.homeLink')}>
          <BrandMark />
          <span className="brand__text">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <LanguageToggle />
      </div>
      <nav className="site-nav" aria-label={t('nav.label')}>
        <ul className="site-nav__list container">
          <li>
            <NavLink to="/" end className="site-nav__link">
              {t('nav.appeals')}
            </NavLink>
          </li>
        </ul>
      </nav>
    </header>
  );
}
