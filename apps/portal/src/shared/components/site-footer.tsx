import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p className="site-footer__emergency">{t('footer.emergency')}</p>
        <p>{t('footer.about')}</p>
        <p className="site-footer__meta">
          <span>{t('footer.license')}</span>
          <Link to="/tips/follow-up" className="site-footer__link">
            {t('footer.followUp')}
          </Link>
          <Link to="/login" className="site-footer__link">
            {t('footer.staffAccess')}
          </Link>
        </p>
      </div>
    </footer>
  );
}
