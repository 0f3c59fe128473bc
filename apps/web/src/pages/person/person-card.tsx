import type { ReactNode } from 'react';
import { WebPersonenkarteDocument, type WebPersonenkarteQuery } from '../../gql/graphql.ts';
import { extensionText, type GraphError } from '../../graphql/client.ts';
import { useGraph } from '../../graphql/use-graph.ts';
import { BEHOERDEN, datum, wert } from '../../ui/labels.ts';
import { Refusal } from '../../ui/refusal.tsx';

type Person = NonNullable<WebPersonenkarteQuery['person']>;
type Feld = Exclude<keyof Person, 'id' | '__typename'>;

const FELDNAMEN: Readonly<Record<Feld, string>> = {
  identitaet: 'Identität',
  aufenthalt: 'Aufenthalt',
  integrationPointFall: 'Fall im Integration Point',
  bedarfsgemeinschaft: 'Bedarfsgemeinschaft',
  sgb2Leistungsstatus: 'Leistungen nach SGB II',
  kindergeldantraege: 'Kindergeldanträge',
};

/** Each partner's section of the card and the fields of the person it answers. */
const ABSCHNITTE: readonly { readonly partner: string; readonly felder: readonly Feld[] }[] = [
  { partner: 'auslaenderbehoerde', felder: ['identitaet', 'aufenthalt'] },
  { partner: 'agentur', felder: ['integrationPointFall'] },
  { partner: 'jobcenter', felder: ['bedarfsgemeinschaft', 'sgb2Leistungsstatus'] },
  { partner: 'familienkasse', felder: ['kindergeldantraege'] },
];

function Angaben({ zeilen }: { readonly zeilen: readonly [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {zeilen.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One field of the person as its partner answered it; null is "not known there", never a refusal. */
function FeldInhalt({ feld, person }: { readonly feld: Feld; readonly person: Person }): ReactNode {
  switch (feld) {
    case 'identitaet': {
      const i = person.identitaet;
      return (
        i && (
          <Angaben
            zeilen={[
              ['Name', `${i.vorname} ${i.nachname}`],
              ['Geboren', datum(i.geburtsdatum)],
              ['Geschlecht', wert(i.geschlecht)],
              ['Staatsangehörigkeit', i.staatsangehoerigkeit],
              ['AZR-Nummer', i.azrNummer],
            ]}
          />
        )
      );
    }
    case 'aufenthalt': {
      const a = person.aufenthalt;
      return (
        a && (
          <Angaben
            zeilen={[
              ['Eingereist', datum(a.einreiseAm)],
              ['Status', a.status ? `${wert(a.status.art)} (${a.status.rechtsgrundlage})` : 'kein Status erfasst'],
              [
                'Gültig',
                a.status
                  ? `${datum(a.status.gueltigAb)} bis ${a.status.gueltigBis ? datum(a.status.gueltigBis) : 'unbefristet'}`
                  : '–',
              ],
            ]}
          />
        )
      );
    }
    case 'integrationPointFall': {
      const f = person.integrationPointFall;
      return (
        f && (
          <Angaben
            zeilen={[
              ['Kundennummer', f.kundennummer],
              ['Fall eröffnet', datum(f.eroeffnetAm)],
              ['Status', `${wert(f.status)} seit ${datum(f.statusSeit)}`],
            ]}
          />
        )
      );
    }
    case 'bedarfsgemeinschaft': {
      const bg = person.bedarfsgemeinschaft;
      return (
        bg && (
          <Angaben
            zeilen={[
              ['BG-Nummer', bg.bgNummer],
              ['Gegründet', datum(bg.gegruendetAm)],
              [
                'Mitglieder',
                bg.mitglieder.map((mitglied) => `${wert(mitglied.rolle)} seit ${datum(mitglied.seit)}`).join(', '),
              ],
            ]}
          />
        )
      );
    }
    case 'sgb2Leistungsstatus':
      return person.sgb2Leistungsstatus && <Angaben zeilen={[['SGB-II-Antrag', wert(person.sgb2Leistungsstatus)]]} />;
    case 'kindergeldantraege': {
      const antraege = person.kindergeldantraege;
      if (!antraege || antraege.length === 0) return null;
      return (
        <ul className="plain">
          {antraege.map((antrag) => (
            <li key={antrag.id}>
              <strong>{antrag.kindergeldnummer}</strong> (Familienkasse {antrag.familienkasse}): eingegangen{' '}
              {datum(antrag.eingangAm)}, fällig {datum(antrag.faelligAm)},{' '}
              {antrag.beschiedenAm ? `${wert(antrag.ergebnis)} am ${datum(antrag.beschiedenAm)}` : 'offen'}
            </li>
          ))}
        </ul>
      );
    }
  }
}

function Abschnitt({
  partner,
  felder,
  person,
  errors,
}: {
  partner: string;
  felder: readonly Feld[];
  person: Person;
  errors: readonly GraphError[];
}) {
  const teile = felder.map((feld) => {
    const fehler = errors.filter((error) => error.path?.[0] === 'person' && error.path[1] === feld);
    return { feld, fehler, inhalt: fehler.length > 0 ? null : FeldInhalt({ feld, person }) };
  });
  const leer = teile.every((teil) => teil.fehler.length === 0 && !teil.inhalt);
  // Several fields of one partner often fail for one reason (a partner down): say it once.
  const gezeigt = new Set<string>();
  return (
    <section className="card partner" aria-labelledby={`abschnitt-${partner}`} data-partner={partner}>
      <h2 id={`abschnitt-${partner}`}>{BEHOERDEN[partner]}</h2>
      {leer ? (
        <p className="muted">Keine Angaben: {BEHOERDEN[partner]} führt zu dieser Person nichts.</p>
      ) : (
        teile.map(({ feld, fehler, inhalt }) => {
          const neu = fehler.filter((error) => {
            const key = `${extensionText(error, 'code')}|${extensionText(error, 'kategorie') || extensionText(error, 'partner') || error.message}`;
            if (gezeigt.has(key)) return false;
            gezeigt.add(key);
            return true;
          });
          if (fehler.length === 0 && !inhalt) return null;
          return (
            <div key={feld} className="field">
              <h3>{FELDNAMEN[feld]}</h3>
              {fehler.length > 0 ? (
                neu.length > 0 ? (
                  <Refusal errors={neu} />
                ) : (
                  <p className="muted">Aus demselben Grund nicht freigegeben.</p>
                )
              ) : (
                inhalt
              )}
            </div>
          );
        })
      )}
    </section>
  );
}

/**
 * One person as the caller's agency may see it: a section per partner. A withheld part names the owner,
 * the category and the missing consent (from the error's extensions), a partner that did not answer says
 * so; an empty section means that partner knows nothing of the person.
 */
export function PersonCard({ id }: { readonly id: string }) {
  const state = useGraph(WebPersonenkarteDocument, { id });
  const person = state.status === 'done' ? state.result.data?.person : undefined;
  const errors = state.status === 'done' ? state.result.errors : [];
  const name = person?.identitaet ? `${person.identitaet.vorname} ${person.identitaet.nachname}` : 'Person';
  return (
    <div className="page">
      <p>
        <a href="#/personen">← Alle Personen</a>
      </p>
      <h1>{name}</h1>
      <p className="ref">Personenreferenz {id}</p>
      {state.status === 'loading' && <p className="loading">Wird geladen …</p>}
      {state.status === 'failed' && <p className="notice">{state.message}</p>}
      {state.status === 'done' && !person && (
        <>
          <Refusal errors={errors.filter((error) => error.path?.length === 1)} />
          <p className="notice">Die Ausländerbehörde kennt keine Person mit dieser Referenz.</p>
        </>
      )}
      {person && (
        <div className="sections">
          {ABSCHNITTE.map(({ partner, felder }) => (
            <Abschnitt key={partner} partner={partner} felder={felder} person={person} errors={errors} />
          ))}
        </div>
      )}
    </div>
  );
}
