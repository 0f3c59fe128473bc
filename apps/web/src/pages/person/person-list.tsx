import { useState, type FormEvent } from 'react';
import { WebPersonenListeDocument } from '../../gql/graphql.ts';
import { useGraph } from '../../graphql/use-graph.ts';
import { datum } from '../../ui/labels.ts';
import { Refusal } from '../../ui/refusal.tsx';

const SEITE = 20;

/**
 * The persons of the Integration Point, a page at a time, in the Ausländerbehörde's order; a name the
 * Ausländerbehörde does not release to the caller shows as withheld. A person reference known from
 * elsewhere (a letter, another system) opens the card directly.
 */
export function PersonList() {
  const [cursors, setCursors] = useState<readonly (string | null)[]>([null]);
  const [referenz, setReferenz] = useState('');
  const after = cursors[cursors.length - 1] ?? null;
  const state = useGraph(WebPersonenListeDocument, { first: SEITE, ...(after ? { after } : {}) });
  const liste = state.status === 'done' ? state.result.data?.personen : undefined;
  const seite = cursors.length;
  const withheld = new Set(
    state.status === 'done'
      ? state.result.errors.filter((error) => error.path?.[4] === 'identitaet').map((error) => error.path?.[2])
      : [],
  );
  const other = state.status === 'done' ? state.result.errors.filter((error) => error.path?.[4] !== 'identitaet') : [];
  const firstRefusal =
    state.status === 'done' ? state.result.errors.find((error) => error.path?.[4] === 'identitaet') : undefined;

  const open = (event: FormEvent) => {
    event.preventDefault();
    if (referenz.trim()) window.location.hash = `#/personen/${encodeURIComponent(referenz.trim())}`;
  };

  return (
    <div className="page">
      <h1>Personen</h1>
      <form className="filters" onSubmit={open} aria-label="Person öffnen">
        <label>
          Personenreferenz
          <input
            name="referenz"
            value={referenz}
            onChange={(event) => setReferenz(event.target.value)}
            placeholder="z. B. 3f2a…"
            size={38}
          />
        </label>
        <button type="submit">Öffnen</button>
      </form>
      <section className="card" aria-labelledby="liste-titel">
        <h2 id="liste-titel">Alle Personen</h2>
        {state.status === 'loading' && <p className="loading">Wird geladen …</p>}
        {state.status === 'failed' && <p className="notice">{state.message}</p>}
        <Refusal errors={other} />
        {firstRefusal && (
          <p className="hint">
            Namen mit „nicht freigegeben“: Die Ausländerbehörde gibt die Identität dieser Personen nicht frei (
            {withheld.size} auf dieser Seite); die Karte zeigt, was die anderen Partner freigeben.
          </p>
        )}
        {liste && (
          <>
            <p aria-live="polite">
              Seite {seite}: Personen {(seite - 1) * SEITE + 1}–{(seite - 1) * SEITE + liste.edges.length} von{' '}
              {liste.totalCount}
            </p>
            <ul className="persons" data-testid="personen-liste">
              {liste.edges.map(({ node }, index) => (
                <li key={node.id}>
                  <a href={`#/personen/${encodeURIComponent(node.id)}`}>
                    {node.identitaet ? (
                      <>
                        <strong>
                          {node.identitaet.nachname}, {node.identitaet.vorname}
                        </strong>{' '}
                        <span className="muted">geb. {datum(node.identitaet.geburtsdatum)}</span>
                      </>
                    ) : (
                      <strong className="muted">
                        {withheld.has(index) ? 'Identität nicht freigegeben' : 'Keine Angaben'}
                      </strong>
                    )}
                    <span className="ref">{node.id}</span>
                  </a>
                </li>
              ))}
            </ul>
            <div className="pager">
              <button type="button" disabled={seite === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
                Vorherige Seite
              </button>
              <button
                type="button"
                disabled={!liste.pageInfo.hasNextPage}
                onClick={() => liste.pageInfo.endCursor && setCursors([...cursors, liste.pageInfo.endCursor])}
              >
                Nächste Seite
              </button>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
