/** A child on a demo application: `personId` is its shared reference, null for a child the graph does not know. */
export interface DemoChild {
  /** The key of the child's own draws (its tax id), its person id where it has one. */
  readonly key: string;
  readonly personId: string | null;
  readonly vorname: string;
  readonly nachname: string;
  readonly geburtsdatum: string;
}

/** One application of the demo data, as the seed writes it. */
export interface DemoApplication {
  /** The applicant's shared person reference. */
  readonly applicantId: string;
  /** Recognised families got the Antragspaket from the Jobcenter with the SGB II application. */
  readonly paketAusgegebenAm: string | null;
  /** Eldest first: the place in the order of children (§ 66 Abs. 1 EStG) as far as the demo knows them. */
  readonly children: readonly DemoChild[];
  /** The document that entitled (§ 62 Abs. 2 EStG) and the first month granted, for grants. */
  readonly titel: { readonly art: string; readonly rechtsgrundlage: string; readonly gueltigAb: string } | null;
  readonly familienkasse: string;
  readonly eingangAm: string;
  readonly bescheid: {
    readonly am: string;
    readonly ergebnis: 'BEWILLIGT' | 'ABGELEHNT';
    readonly grund: string | null;
  } | null;
}

/** The demo's Familienkassen in NRW, by their numbers. */
export const DEMO_FAMILIENKASSEN = ['515', '534', '548'] as const;
