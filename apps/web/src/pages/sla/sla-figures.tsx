import type { SlaKennzahlenFelderFragment } from '../../gql/graphql.ts';
import { alsProzent, alsZahl } from '../../ui/labels.ts';

/** Column headings, short enough for 1280 px; the title says it in full. */
export const SPALTEN: readonly { readonly kurz: string; readonly lang: string }[] = [
  { kurz: 'Eingang', lang: 'Anträge eingegangen' },
  { kurz: 'Beschieden', lang: 'bis zum Stichtag beschieden' },
  { kurz: 'Fristgerecht', lang: 'innerhalb von 10 Arbeitstagen beschieden' },
  { kurz: 'Verspätet', lang: 'nach der Frist beschieden' },
  { kurz: 'Offen', lang: 'am Stichtag nicht beschieden' },
  { kurz: 'Überfällig', lang: 'am Stichtag offen und nach der Frist' },
  { kurz: 'Quote', lang: 'Anteil fristgerecht an den beschiedenen' },
  { kurz: 'Median AT', lang: 'Median der Arbeitstage bis zum Bescheid' },
  { kurz: '90 % AT', lang: '90 % der Bescheide nach höchstens so vielen Arbeitstagen' },
];

/** The heading cells of SPALTEN. */
export function KennzahlKoepfe() {
  return (
    <>
      {SPALTEN.map((spalte) => (
        <th scope="col" key={spalte.kurz} title={spalte.lang}>
          {spalte.kurz}
        </th>
      ))}
    </>
  );
}

/** The cells of one row of figures, in the order of SPALTEN. */
export function KennzahlZellen({ kennzahlen }: { readonly kennzahlen: SlaKennzahlenFelderFragment }) {
  const k = kennzahlen;
  return (
    <>
      <td>{k.eingegangen}</td>
      <td>{k.beschieden}</td>
      <td>{k.eingehalten}</td>
      <td>{k.verfehlt}</td>
      <td>{k.offen}</td>
      <td className={k.ueberfaellig > 0 ? 'warn' : undefined}>{k.ueberfaellig}</td>
      <td>{alsProzent(k.quoteEingehalten)}</td>
      <td>{alsZahl(k.medianArbeitstage)}</td>
      <td>{alsZahl(k.p90Arbeitstage)}</td>
    </>
  );
}
