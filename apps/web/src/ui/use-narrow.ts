import { useEffect, useState } from 'react';

/** The stylesheet's phone breakpoint. */
const QUERY = '(max-width: 600px)';

/**
 * Whether the window is phone-sized, following rotation and resizing. A drawing with a fixed viewBox scales
 * its text with it: on a phone a chart drawn for 1280 px would have 5 px labels, so it draws narrower instead.
 */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(QUERY).matches);
  useEffect(() => {
    const media = window.matchMedia(QUERY);
    const follow = () => setNarrow(media.matches);
    media.addEventListener('change', follow);
    follow();
    return () => media.removeEventListener('change', follow);
  }, []);
  return narrow;
}
