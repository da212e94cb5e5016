import { useEffect, useState } from 'react';
import { parseMunicipalityCatalogue, type PlaceCatalogue } from './places.js';

let cached: Promise<PlaceCatalogue> | null = null;

/** Loads the INEGI catalogue once (a separate chunk of the build, fetched only by pages that need places). */
export function loadPlaceCatalogue(): Promise<PlaceCatalogue> {
  cached ??= import('../../../../../reference/mx-municipalities.csv?raw').then((m) =>
    parseMunicipalityCatalogue(m.default),
  );
  return cached;
}

/** The place catalogue, or null while it loads. */
export function usePlaceCatalogue(): PlaceCatalogue | null {
  const [catalogue, setCatalogue] = useState<PlaceCatalogue | null>(null);
  useEffect(() => {
    let live = true;
    void loadPlaceCatalogue().then((c) => live && setCatalogue(c));
    return () => {
      live = false;
    };
  }, []);
  return catalogue;
}
