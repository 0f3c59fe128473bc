import { centInEuro, type Cent, type IsoDate } from '@ip/kit';

/** One child of a Kindergeld application as the Familienkasse releases it, with its statutory amounts. */
export interface KindSicht {
  readonly person: { readonly id: string } | null;
  readonly vorname: string;
  readonly geburtsdatum: IsoDate;
  readonly satzverlauf: readonly { readonly ab: IsoDate; readonly bis: IsoDate | null; readonly betrag: number }[];
}

/** A Kindergeld application as the Familienkasse releases it to the Jobcenter (the fields it `@requires`). */
export interface KindergeldAntragSicht {
  readonly ergebnis: 'BEWILLIGT' | 'ABGELEHNT' | null;
  readonly bewilligtAb: IsoDate | null;
  readonly beschiedenAm: IsoDate | null;
  readonly kinder: readonly KindSicht[];
}

export type EinkommenStatus =
  'ANGERECHNET' | 'BEANTRAGT_NICHT_BESCHIEDEN' | 'BEWILLIGT_ERST_SPAETER' | 'ABGELEHNT' | 'KEIN_ANTRAG';

/** How one child's Kindergeld of the month is counted; amounts in cents, null where they cannot be computed. */
export interface KindAnteil {
  readonly personId: string | null;
  readonly vorname: string;
  readonly betrag: Cent | null;
  /** The child's need as the Jobcenter recorded it; null if the child is no member of the BG or none is recorded. */
  readonly bedarf: Cent | null;
  readonly inBedarfsgemeinschaft: boolean;
  readonly einkommenKind: Cent | null;
  readonly einkommenEltern: Cent | null;
}

export interface KindergeldEinkommen {
  readonly status: EinkommenStatus;
  readonly monat: IsoDate;
  /** Kindergeld of the month in EUR; null while nothing is decided or an amount is unknown, never a silent 0. */
  readonly monatsbetrag: number | null;
  readonly einkommenKinder: number | null;
  readonly einkommenEltern: number | null;
  readonly kinder: readonly KindAnteil[];
  readonly hinweis: string;
}

/** The children of the parent's Bedarfsgemeinschaft in the month, by person id, with their recorded need. */
export type KinderDerBg = ReadonlyMap<string, Cent | null>;

/**
 * The sentence of § 11 Abs. 1 SGB II that makes Kindergeld the child's income: S. 4 in the version of the
 * RBEG/SGB II amendment of 24.03.2011 (BGBl. I S. 453); the 9th SGB II amendment of 26.07.2016 (BGBl. I
 * S. 1824) inserted a new S. 2 from 01.08.2016, so it is S. 5 from then on.
 */
function paragraphFuer(monat: IsoDate): string {
  return monat >= '2016-08-01' ? '§ 11 Abs. 1 S. 5 SGB II' : '§ 11 Abs. 1 S. 4 SGB II';
}

const kindKey = (kind: KindSicht): string => kind.person?.id ?? `${kind.vorname}|${kind.geburtsdatum}`;

/**
 * Kindergeld of one month as income. Per child, the grant in force is the newest grant (latest first month
 * granted, then latest decision) whose first month is not after the month; an older grant for the same child is
 * superseded. A child of the parent's Bedarfsgemeinschaft has the amount as its own income as far as it needs it
 * for its subsistence (its recorded need, which leaves out § 28 SGB II); the rest, and the whole amount of a
 * child outside the Bedarfsgemeinschaft, is the parent's income (the parent is the one entitled, § 62 EStG).
 * Grants recorded before the first month granted was kept cannot be placed in a month and are not counted.
 */
export function kindergeldAlsEinkommen(
  antraege: readonly KindergeldAntragSicht[],
  monat: IsoDate,
  kinderDerBg: KinderDerBg,
): KindergeldEinkommen {
  const ersterTag = `${monat.slice(0, 7)}-01`;
  const paragraph = paragraphFuer(ersterTag);
  const leer = { monat: ersterTag, einkommenKinder: null, einkommenEltern: null, kinder: [] };
  const inKraft = new Map<string, { antrag: KindergeldAntragSicht; kind: KindSicht }>();
  for (const antrag of antraege) {
    if (antrag.ergebnis !== 'BEWILLIGT' || !antrag.bewilligtAb || antrag.bewilligtAb > ersterTag) continue;
    for (const kind of antrag.kinder) {
      const bisher = inKraft.get(kindKey(kind));
      if (!bisher || neuer(antrag, bisher.antrag)) inKraft.set(kindKey(kind), { antrag, kind });
    }
  }
  if (inKraft.size === 0) {
    if (antraege.some((antrag) => antrag.ergebnis === null)) {
      return {
        ...leer,
        status: 'BEANTRAGT_NICHT_BESCHIEDEN',
        monatsbetrag: null,
        hinweis: 'Kindergeld ist beantragt, aber noch nicht beschieden: noch nicht anrechnen.',
      };
    }
    if (antraege.some((antrag) => antrag.ergebnis === 'BEWILLIGT')) {
      return {
        ...leer,
        status: 'BEWILLIGT_ERST_SPAETER',
        monatsbetrag: 0,
        einkommenKinder: 0,
        einkommenEltern: 0,
        hinweis:
          'Kindergeld ist erst ab einem späteren Monat bewilligt (oder ohne Monat erfasst): in diesem Monat kein Einkommen.',
      };
    }
    if (antraege.length > 0)
      return {
        ...leer,
        status: 'ABGELEHNT',
        monatsbetrag: 0,
        einkommenKinder: 0,
        einkommenEltern: 0,
        hinweis: 'Kindergeld wurde abgelehnt: kein Einkommen.',
      };
    return {
      ...leer,
      status: 'KEIN_ANTRAG',
      monatsbetrag: null,
      hinweis: 'Kein Kindergeldantrag bekannt: Anspruch prüfen und Antragspaket ausgeben.',
    };
  }
  const kinder = [...inKraft.values()].map(({ kind }) => anteil(kind, ersterTag, kinderDerBg));
  const summe = (pick: (kind: KindAnteil) => Cent | null): number | null =>
    kinder.some((kind) => pick(kind) === null) ? null : centInEuro(kinder.reduce((sum, kind) => sum + pick(kind)!, 0));
  const monatsbetrag = summe((kind) => kind.betrag);
  const einkommenKinder = summe((kind) => kind.einkommenKind);
  const hinweis =
    monatsbetrag === null
      ? 'Für diesen Monat ist kein gesetzlicher Kindergeldsatz erfasst: Betrag bei der Familienkasse erfragen.'
      : einkommenKinder === null
        ? `Bedarf eines Kindes der Bedarfsgemeinschaft nicht erfasst: die Aufteilung nach ${paragraph} ist offen.`
        : `Kindergeld ist Einkommen des Kindes, soweit es dessen Bedarf ohne § 28 SGB II deckt (${paragraph}); der Rest ist Einkommen der Eltern.`;
  return {
    status: 'ANGERECHNET',
    monat: ersterTag,
    monatsbetrag,
    einkommenKinder,
    einkommenEltern: summe((kind) => kind.einkommenEltern),
    kinder,
    hinweis,
  };
}

function neuer(antrag: KindergeldAntragSicht, als: KindergeldAntragSicht): boolean {
  if (antrag.bewilligtAb !== als.bewilligtAb) return antrag.bewilligtAb! > als.bewilligtAb!;
  return (antrag.beschiedenAm ?? '') > (als.beschiedenAm ?? '');
}

function anteil(kind: KindSicht, ersterTag: IsoDate, kinderDerBg: KinderDerBg): KindAnteil {
  const zeitraum = kind.satzverlauf.find(
    (span) => span.ab <= ersterTag && (span.bis === null || span.bis >= ersterTag),
  );
  const betrag = zeitraum ? zeitraum.betrag * 100 : null;
  const personId = kind.person?.id ?? null;
  const inBedarfsgemeinschaft = personId !== null && kinderDerBg.has(personId);
  const bedarf = personId !== null ? (kinderDerBg.get(personId) ?? null) : null;
  if (betrag === null)
    return {
      personId,
      vorname: kind.vorname,
      betrag,
      bedarf,
      inBedarfsgemeinschaft,
      einkommenKind: null,
      einkommenEltern: null,
    };
  if (!inBedarfsgemeinschaft)
    return {
      personId,
      vorname: kind.vorname,
      betrag,
      bedarf,
      inBedarfsgemeinschaft,
      einkommenKind: 0,
      einkommenEltern: betrag,
    };
  if (bedarf === null)
    return {
      personId,
      vorname: kind.vorname,
      betrag,
      bedarf,
      inBedarfsgemeinschaft,
      einkommenKind: null,
      einkommenEltern: null,
    };
  const einkommenKind = Math.min(betrag, bedarf);
  return {
    personId,
    vorname: kind.vorname,
    betrag,
    bedarf,
    inBedarfsgemeinschaft,
    einkommenKind,
    einkommenEltern: betrag - einkommenKind,
  };
}
