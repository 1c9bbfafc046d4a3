import type { AppealImage, RenditionFiles } from '@vigie/common';
import { langOf, type Text } from '../api/appeal-card-view';
import type { PortalLanguage } from '../../shared/i18n/language';

type Format = 'avif' | 'webp' | 'jpeg';

const srcSet = (renditions: RenditionFiles[], format: Format) =>
  renditions.map((r) => `${r[format]} ${r.width}w`).join(', ');

interface AppealPictureProps {
  image: AppealImage;
  alt: Text | null;
  pageLang: PortalLanguage;
  /** Which renditions the browser may choose from, smallest first. */
  sizes: string;
  largest?: 'card' | 'full';
  className?: string;
  eager?: boolean;
}

/**
 * One appeal image: AVIF, then WebP, then JPEG, each in every rendition the layout can use. The width and
 * height of the largest rendition reserve its box before it loads, so the page does not jump.
 */
export function AppealPicture({
  image,
  alt,
  pageLang,
  sizes,
  largest = 'full',
  className,
  eager,
}: AppealPictureProps) {
  const renditions = [image.thumb, image.card, ...(largest === 'full' ? [image.full] : [])].filter(
    (r): r is RenditionFiles => Boolean(r?.jpeg),
  );
  const main = renditions[renditions.length - 1];
  if (!main) return null;
  return (
    <picture>
      <source type="image/avif" srcSet={srcSet(renditions, 'avif')} sizes={sizes} />
      <source type="image/webp" srcSet={srcSet(renditions, 'webp')} sizes={sizes} />
      <img
        className={className}
        src={main.jpeg}
        srcSet={srcSet(renditions, 'jpeg')}
        sizes={sizes}
        width={main.width}
        height={main.height}
        alt={alt?.text ?? ''}
        lang={langOf(alt, pageLang)}
        loading={eager ? 'eager' : 'lazy'}
        fetchPriority={eager ? 'high' : undefined}
        decoding="async"
      />
    </picture>
  );
}
