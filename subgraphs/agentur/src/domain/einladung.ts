export type Kanal = 'POST' | 'SMS' | 'KOPIE_SOZIALDIENST';

export type EinladungFehler = 'KEIN_KANAL' | 'KANAL_DOPPELT' | 'RECHTSFOLGENBELEHRUNG_NUR_SCHRIFTLICH' | 'KOPIE_OHNE_EMPFAENGER' | 'EMPFAENGER_OHNE_KOPIE';

/**
 * An invitation's channels (Rahmenkonzept §4): post to shared accommodation is unreliable, so a copy may
 * go to its social service and an SMS may remind or invite; but an SMS has no room for the notice of
 * legal consequences (Rechtsfolgenbelehrung), which only a letter carries.
 */
export function pruefeEinladung(einladung: { readonly kanaele: readonly Kanal[]; readonly rechtsfolgenbelehrung: boolean; readonly kopieAn: string | null }): {
  grund: EinladungFehler;
  feld: string;
} | null {
  const { kanaele } = einladung;
  if (kanaele.length === 0) return { grund: 'KEIN_KANAL', feld: 'kanaele' };
  if (new Set(kanaele).size !== kanaele.length) return { grund: 'KANAL_DOPPELT', feld: 'kanaele' };
  if (einladung.rechtsfolgenbelehrung && !kanaele.includes('POST')) return { grund: 'RECHTSFOLGENBELEHRUNG_NUR_SCHRIFTLICH', feld: 'rechtsfolgenbelehrung' };
  const kopie = kanaele.includes('KOPIE_SOZIALDIENST');
  if (kopie && !einladung.kopieAn) return { grund: 'KOPIE_OHNE_EMPFAENGER', feld: 'kopieAn' };
  if (!kopie && einladung.kopieAn) return { grund: 'EMPFAENGER_OHNE_KOPIE', feld: 'kopieAn' };
  return null;
}

/** An invitation by SMS without the notice: missing the appointment can have no legal consequences. */
export function smsOhneRechtsfolgenbelehrung(kanaele: readonly Kanal[], rechtsfolgenbelehrung: boolean): boolean {
  return kanaele.includes('SMS') && !rechtsfolgenbelehrung;
}

/**
 * The day's appointments by language (Rahmenkonzept §7.6), so one interpreter can serve a block: largest
 * group first, ties by language code, each group by time.
 */
export function termineNachSprache<T extends { readonly sprache: string; readonly uhrzeit: string }>(termine: readonly T[]): { sprache: string; termine: T[] }[] {
  const gruppen = new Map<string, T[]>();
  for (const termin of termine) {
    const gruppe = gruppen.get(termin.sprache);
    if (gruppe) gruppe.push(termin);
    else gruppen.set(termin.sprache, [termin]);
  }
  return [...gruppen]
    .map(([sprache, liste]) => ({ sprache, termine: liste.toSorted((a, b) => a.uhrzeit.localeCompare(b.uhrzeit)) }))
    .sort((a, b) => b.termine.length - a.termine.length || a.sprache.localeCompare(b.sprache));
}
