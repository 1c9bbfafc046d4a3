import { useRef, useState } from 'react';

export type GeolocationStatus = 'idle' | 'locating' | 'found' | 'denied' | 'unavailable' | 'failed';

export interface FoundPosition {
  latitude: number;
  longitude: number;
  /** Metres, as the phone reports them. */
  accuracy: number;
}

/**
 * "Use my location": asks the phone once, only when the tipster taps the button. Nothing is asked on
 * load, and nothing is watched afterwards.
 */
export function useGeolocation(onFound: (position: FoundPosition) => void) {
  const [status, setStatus] = useState<GeolocationStatus>('idle');
  const request = useRef(0);

  const locate = () => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      setStatus('unavailable');
      return;
    }
    const id = ++request.current;
    setStatus('locating');
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        if (id !== request.current) return;
        setStatus('found');
        onFound({ latitude: coords.latitude, longitude: coords.longitude, accuracy: coords.accuracy });
      },
      (error) => {
        if (id !== request.current) return;
        setStatus(
          error.code === error.PERMISSION_DENIED
            ? 'denied'
            : error.code === error.POSITION_UNAVAILABLE
              ? 'unavailable'
              : 'failed',
        );
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  /** Forgets the position (the form clears its fields) and ignores an answer still on its way. */
  const reset = () => {
    request.current += 1;
    setStatus('idle');
  };

  return { status, locate, reset };
}
