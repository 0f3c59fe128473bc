export type Kanal = 'POST' | 'SMS' | 'KOPIE_SOZIALDIENST';

export type EinladungFehler =
  | 'KEIN_KANAL'
  | 'KANAL_DOPPELT'
  | 'KEINE_RECHTSFOLGE'
  | 'RECHTSFOLGENBELEHRUNG_NUR_SCHRIFTLICH'
  | 'KOPIE_OHNE_EMPFAENGER'
  | 'EMPFAENGER_OHNE_KOPIE';

/** The legal sphere an invitation is sent in; the Agentur's Integration Point invites in SGB III. */
export type Rechtskreis = 'SGB_III' | 'SGB_II';

export interface Einladungsrechtsfolge {
  readonly rechtskreis: Rechtskreis;
  /** What missing the appointment costs the person; null: nothing. */
  readonly folgeBeiVersaeumnis: string | null;
  /** Whether an invitation can carry a notice of legal consequences at all; it then needs a letter. */
  readonly rechtsfolgenbelehrungMoeglich: boolean;
  readonly rechtsgrundlage: string;
  /** What an invitation by SMS alone loses against a letter. */
  readonly smsVerliert: string;
}

/**
 * Which invitations can carry a notice of legal consequences (Rechtsfolgenbelehrung), per legal sphere.
 * SGB II: a missed appointment after a written notice reduces Arbeitslosengeld II by 10 % of the standard
 * need for three months (§ 32 Abs. 1 S. 1, Abs. 2 SGB II as reworded by the Regelbedarfsermittlungsgesetz,
 * in force 2011–2016; the duty to report: § 59 SGB II with § 309 SGB III). The notice must be written, so
 * an SMS, which the seed notes has no room for it (Rahmenkonzept §4), cannot bring the consequence about.
 * SGB III at the Integration Point: using the Agentur's services is voluntary (Rahmenkonzept §4); the duty
 * to report with its Sperrzeit (§ 309, § 159 Abs. 1 S. 2 Nr. 6 SGB III) binds only a person claiming
 * Arbeitslosengeld, which is the regular organisation's business, so there is nothing to give notice of.
 */
export const EINLADUNGSRECHTSFOLGEN: Readonly<Record<Rechtskreis, Einladungsrechtsfolge>> = {
  SGB_III: {
    rechtskreis: 'SGB_III',
    folgeBeiVersaeumnis: null,
    rechtsfolgenbelehrungMoeglich: false,
    rechtsgrundlage:
      'Rahmenkonzept §4 (Dienstleistungen freiwillig); § 309, § 159 Abs. 1 S. 2 Nr. 6 SGB III nur bei Anspruch auf Arbeitslosengeld',
    smsVerliert:
      'Keine Rechtsfolge: ein versäumter Termin hat auch nach einem Brief keine; die SMS belegt nur den Zugang schlechter.',
  },
  SGB_II: {
    rechtskreis: 'SGB_II',
    folgeBeiVersaeumnis: 'Minderung des Arbeitslosengeldes II um 10 % des maßgebenden Regelbedarfs für drei Monate',
    rechtsfolgenbelehrungMoeglich: true,
    rechtsgrundlage: '§ 32 Abs. 1 S. 1, Abs. 2 SGB II i. V. m. § 59 SGB II, § 309 SGB III (Fassung 2011 bis 2016)',
    smsVerliert: 'Die Rechtsfolge: ohne schriftliche Belehrung mindert ein versäumter Termin nichts.',
  },
};

/**
 * An invitation's channels (Rahmenkonzept §4): post to shared accommodation is unreliable, so a copy may
 * go to its social service and an SMS may remind or invite. A notice of legal consequences is refused
 * where the sphere has no consequence to notify, and needs a letter where it has one.
 */
export function pruefeEinladung(
  einladung: {
    readonly kanaele: readonly Kanal[];
    readonly rechtsfolgenbelehrung: boolean;
    readonly kopieAn: string | null;
  },
  rechtskreis: Rechtskreis = 'SGB_III',
): {
  grund: EinladungFehler;
  field: string;
} | null {
  const { kanaele } = einladung;
  if (kanaele.length === 0) return { grund: 'KEIN_KANAL', field: 'kanaele' };
  if (new Set(kanaele).size !== kanaele.length) return { grund: 'KANAL_DOPPELT', field: 'kanaele' };
  if (einladung.rechtsfolgenbelehrung && !EINLADUNGSRECHTSFOLGEN[rechtskreis].rechtsfolgenbelehrungMoeglich)
    return { grund: 'KEINE_RECHTSFOLGE', field: 'rechtsfolgenbelehrung' };
  if (einladung.rechtsfolgenbelehrung && !kanaele.includes('POST'))
    return { grund: 'RECHTSFOLGENBELEHRUNG_NUR_SCHRIFTLICH', field: 'rechtsfolgenbelehrung' };
  const kopie = kanaele.includes('KOPIE_SOZIALDIENST');
  if (kopie && !einladung.kopieAn) return { grund: 'KOPIE_OHNE_EMPFAENGER', field: 'kopieAn' };
  if (!kopie && einladung.kopieAn) return { grund: 'EMPFAENGER_OHNE_KOPIE', field: 'kopieAn' };
  return null;
}

/** An invitation by SMS without the notice (kept for the deprecated field; see EINLADUNGSRECHTSFOLGEN). */
export function smsOhneRechtsfolgenbelehrung(kanaele: readonly Kanal[], rechtsfolgenbelehrung: boolean): boolean {
  return kanaele.includes('SMS') && !rechtsfolgenbelehrung;
}

/**
 * The day's appointments by language (Rahmenkonzept §7.6), so one interpreter can serve a block: largest
 * group first, ties by language code, each group by time.
 */
export function termineNachSprache<T extends { readonly sprache: string; readonly uhrzeit: string }>(
  termine: readonly T[],
): { sprache: string; termine: T[] }[] {
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
