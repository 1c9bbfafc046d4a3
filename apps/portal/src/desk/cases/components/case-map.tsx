import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePlace } from '../api/cases.api';

/** Escapes text for Leaflet's attribution control, which takes HTML. */
const asText = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The case's tips on the tile server the administrator configured (MAP_TILES_URL; the CSP allows that
 * origin only). Loaded only with a case page that has one (React.lazy), never with the rest of the desk.
 * Markers are vector circles, so no marker image is needed; when tiles cannot load the circles still show
 * on a blank background, and the list beside the map says the same in words.
 */
export function CaseMap({
  places,
  tiles,
}: {
  places: CasePlace[];
  tiles: { url: string; attribution?: string };
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element || places.length === 0) return;
    const map = L.map(element, { scrollWheelZoom: false, keyboard: true });
    L.tileLayer(tiles.url, {
      maxZoom: 19,
      attribution: tiles.attribution ? asText(tiles.attribution) : '',
    }).addTo(map);
    const markers = places.map((place) =>
      L.circleMarker([place.latitude, place.longitude], {
        radius: 9,
        color: '#14284b',
        weight: 2,
        fillColor: '#b53d0c',
        fillOpacity: 0.85,
      })
        .bindTooltip(place.code)
        .addTo(map),
    );
    const bounds = L.latLngBounds(markers.map((marker) => marker.getLatLng()));
    map.fitBounds(bounds.pad(0.3), { maxZoom: 15 });
    return () => {
      map.remove();
    };
  }, [places, tiles.url, tiles.attribution]);

  return (
    <figure className="case-map__figure">
      <div ref={ref} className="case-map" />
      <figcaption className="tip-muted">{t('desk.cases.mapCaption', { count: places.length })}</figcaption>
    </figure>
  );
}
