import { useState } from 'react';
import { useSession } from '../../auth/session.tsx';
import { WebSlaFamilienkasseDocument, WebSlaVerlaufDocument, type Berichtsgruppierung } from '../../gql/graphql.ts';
import { useGraph } from '../../graphql/use-graph.ts';
import { alsProzent, datum } from '../../ui/labels.ts';
import { Refusal } from '../../ui/refusal.tsx';
import { OverdueList } from './overdue-list.tsx';
import { SlaChart, zeitraumName } from './sla-chart.tsx';
import { KennzahlKoepfe, KennzahlZellen, SPALTEN } from './sla-figures.tsx';

function heute(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
}

/** The first day of the month eleven months before `iso`: a year of months up to the Stichtag. */
function jahrVor(iso: string): string {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 12, 1));
  return start.toISOString().slice(0, 10);
}

function FamilienkasseZeile({
  familienkasse,
  von,
  bis,
  stichtag,
}: {
  familienkasse: string;
  von: string;
  bis: string;
  stichtag: string;
}) {
  const state = useGraph(WebSlaFamilienkasseDocument, { von, bis, stichtag, familienkasse });
  return (
    <tr>
      <th scope="row">Familienkasse {familienkasse}</th>
      {state.status === 'done' && state.result.data ? (
        <KennzahlZellen kennzahlen={state.result.data.kindergeldSlaBericht.gesamt} />
      ) : (
        <td colSpan={SPALTEN.length}>
          {state.status === 'loading' ? (
            'Wird geladen …'
          ) : state.status === 'failed' ? (
            state.message
          ) : (
            <Refusal errors={state.result.errors} />
          )}
        </td>
      )}
    </tr>
  );
}

/**
 * The SLA dashboard: the 10-working-day figures of the Familienkasse for a period as they stood on a
 * Stichtag, as a chart and per Familienkasse, and the overdue list for the Familienkasse's own staff. The
 * page asks for everything; what the caller's role may not see comes back refused and says so.
 */
export function SlaPage() {
  const { settings } = useSession();
  const [stichtag, setStichtag] = useState(settings.stichtag ?? heute());
  const [von, setVon] = useState(() => jahrVor(settings.stichtag ?? heute()));
  const [bis, setBis] = useState(settings.stichtag ?? heute());
  const [gruppierung, setGruppierung] = useState<Berichtsgruppierung>('MONAT');
  const gueltig = von !== '' && bis !== '' && stichtag !== '' && von <= bis;
  const verlauf = useGraph(WebSlaVerlaufDocument, { von, bis, stichtag, gruppierung }, !gueltig);
  const bericht = verlauf.status === 'done' ? verlauf.result.data?.kindergeldSlaBericht : undefined;

  return (
    <div className="page">
      <h1>SLA-Übersicht Kindergeld</h1>
      <p className="lead">
        Zusage: Kindergeldanträge aus dem Antragspaket werden innerhalb von 10 Arbeitstagen nach Eingang beschieden.
      </p>
      <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label="Zeitraum und Stichtag">
        <label>
          Eingang von
          <input
            type="date"
            name="von"
            value={von}
            max={bis}
            onChange={(event) => setVon(event.target.value)}
            required
          />
        </label>
        <label>
          Eingang bis
          <input
            type="date"
            name="bis"
            value={bis}
            min={von}
            onChange={(event) => setBis(event.target.value)}
            required
          />
        </label>
        <label>
          Stichtag
          <input
            type="date"
            name="stichtag"
            value={stichtag}
            onChange={(event) => {
              // The period's end follows the Stichtag where it was the Stichtag: receipts after it did not exist then.
              if (bis === stichtag) setBis(event.target.value);
              setStichtag(event.target.value);
            }}
            required
          />
        </label>
        <fieldset>
          <legend>Je</legend>
          {(['MONAT', 'WOCHE'] as const).map((value) => (
            <label key={value} className="inline">
              <input
                type="radio"
                name="gruppierung"
                value={value}
                checked={gruppierung === value}
                onChange={() => setGruppierung(value)}
              />
              {value === 'MONAT' ? 'Monat' : 'Woche'}
            </label>
          ))}
        </fieldset>
      </form>
      {!gueltig && (
        <p className="notice">
          Bitte einen Zeitraum wählen, dessen Beginn nicht nach dem Ende liegt, und einen Stichtag.
        </p>
      )}

      <section className="card" aria-labelledby="verlauf-titel">
        <h2 id="verlauf-titel">Fristgerecht beschieden je {gruppierung === 'MONAT' ? 'Monat' : 'Woche'}</h2>
        {verlauf.status === 'loading' && gueltig && <p className="loading">Wird geladen …</p>}
        {verlauf.status === 'failed' && <p className="notice">{verlauf.message}</p>}
        {verlauf.status === 'done' && <Refusal errors={verlauf.result.errors} />}
        {bericht && (
          <>
            <p className="summary">
              Eingang {datum(bericht.von)} bis {datum(bericht.bis)}, Stand {datum(bericht.stichtag)}:{' '}
              <strong>{bericht.gesamt.eingegangen}</strong> Anträge aus dem Paket,{' '}
              <strong>
                {bericht.gesamt.quoteEingehalten == null ? 'noch keine' : alsProzent(bericht.gesamt.quoteEingehalten)}
              </strong>{' '}
              der beschiedenen fristgerecht, <strong>{bericht.gesamt.ueberfaellig}</strong> überfällig.
            </p>
            {bericht.zeitraeume.length === 0 ? (
              <p>Keine Paket-Anträge in diesem Zeitraum.</p>
            ) : (
              <>
                <SlaChart
                  von={bericht.von}
                  bis={bericht.bis}
                  zeitraeume={bericht.zeitraeume}
                  gruppierung={gruppierung}
                />
                <details>
                  <summary>Zahlen je {gruppierung === 'MONAT' ? 'Monat' : 'Woche'}</summary>
                  <div className="table-scroll" tabIndex={0} role="region" aria-label="Zahlen je Zeitraum">
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">Zeitraum</th>
                          <KennzahlKoepfe />
                        </tr>
                      </thead>
                      <tbody>
                        {bericht.zeitraeume.map((zeitraum) => (
                          <tr key={zeitraum.beginn}>
                            <th scope="row">{zeitraumName(zeitraum, gruppierung)}</th>
                            <KennzahlZellen kennzahlen={zeitraum.kennzahlen} />
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </details>
              </>
            )}
          </>
        )}
      </section>

      <section className="card" aria-labelledby="kassen-titel">
        <h2 id="kassen-titel">Kennzahlen je Familienkasse</h2>
        {gueltig && (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="kassen-titel">
            <table data-testid="sla-familienkassen">
              <thead>
                <tr>
                  <th scope="col">Familienkasse</th>
                  <KennzahlKoepfe />
                </tr>
              </thead>
              <tbody>
                {settings.familienkassen.map((familienkasse) => (
                  <FamilienkasseZeile
                    key={familienkasse}
                    familienkasse={familienkasse}
                    von={von}
                    bis={bis}
                    stichtag={stichtag}
                  />
                ))}
                {bericht && (
                  <>
                    <tr className="total">
                      <th scope="row">Alle (Paket)</th>
                      <KennzahlZellen kennzahlen={bericht.gesamt} />
                    </tr>
                    <tr className="apart">
                      <th scope="row">Ohne Paket (zum Vergleich)</th>
                      <KennzahlZellen kennzahlen={bericht.ohnePaket} />
                    </tr>
                  </>
                )}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {stichtag !== '' && <OverdueList stichtag={stichtag} />}
    </div>
  );
}
