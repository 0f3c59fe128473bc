import { byPartner, PARTNERS, type Agency } from '../identity/partners.ts';
import type { IsoDate } from '../scalars.ts';
import { addDays, addMonths } from './dates.ts';
import type { DemoPerson } from './population.ts';
import { demoRandom } from './random.ts';

/** Every partner's data categories (the partner registry), as the declaration form of the Integration Point lists them. */
export const DEMO_CATEGORIES: Readonly<Record<Agency, readonly string[]>> = byPartner((entry) =>
  entry.categories.map((category) => category.value),
);
export type DemoAgency = Agency;
const AGENCIES = PARTNERS.map((entry) => entry.name);

export type DemoConsentState = 'KEINE' | 'VOLLSTAENDIG' | 'TEILWEISE' | 'WIDERRUFEN' | 'ABGELAUFEN';

export interface DemoDeclaration {
  readonly id: string;
  readonly personId: string;
  readonly state: Exclude<DemoConsentState, 'KEINE'>;
  readonly signedOn: IsoDate;
  readonly validUntil: IsoDate | null;
  readonly withdrawnOn: IsoDate | null;
  readonly lines: readonly {
    readonly from: DemoAgency;
    readonly to: DemoAgency;
    readonly categories: readonly string[];
  }[];
}

/**
 * What the person signed at the intake, the same for every partner (each partner's seed keeps the lines
 * where it is the sender). Every state occurs: none, full, partial (the Familienkasse's Kindergeld data and
 * the Agentur's case stay private), withdrawn, and expired (a declaration limited to six months).
 */
export function demoDeclaration(person: DemoPerson, referenceDate: IsoDate): DemoDeclaration | null {
  const random = demoRandom('einwilligung', person.id);
  const state = random.weighted<DemoConsentState>([
    ['KEINE', 20],
    ['VOLLSTAENDIG', 35],
    ['TEILWEISE', 20],
    ['WIDERRUFEN', 15],
    ['ABGELAUFEN', 10],
  ]);
  if (state === 'KEINE') return null;
  const earliest = person.einreiseAm > '2015-09-01' ? person.einreiseAm : '2015-09-01';
  const signedOn = earliest < referenceDate ? random.date(earliest, referenceDate) : referenceDate;
  const partial = state === 'TEILWEISE';
  const lines = AGENCIES.flatMap((from) =>
    AGENCIES.filter((to) => to !== from).map((to) => ({
      from,
      to,
      categories: DEMO_CATEGORIES[from].filter(
        (category) => !partial || (category !== 'kindergeld' && category !== 'fall'),
      ),
    })),
  ).filter((line) => line.categories.length > 0);
  return {
    id: random.uuid(),
    personId: person.id,
    state,
    signedOn,
    validUntil: state === 'ABGELAUFEN' ? addDays(addMonths(signedOn, 6), -1) : null,
    withdrawnOn:
      state === 'WIDERRUFEN'
        ? signedOn < referenceDate
          ? random.date(addDays(signedOn, 1), referenceDate)
          : referenceDate
        : null,
    lines,
  };
}
