import { useState } from 'react';
import { WebUeberfaelligeAntraegeDocument } from '../../gql/graphql.ts';
import { useGraph } from '../../graphql/use-graph.ts';
import { datum } from '../../ui/labels.ts';
import { Refusal } from '../../ui/refusal.tsx';

const SEITE = 10;

/**
 * Open applications past their due date on the Stichtag, a page at a time. The Familienkasse releases the
 * list to its own staff only; anyone else reads its refusal here.
 */
export function OverdueList({ stichtag }: { readonly stichtag: string }) {
  // The cursors of the pages seen so far: going back needs no cursor arithmetic.
  const [cursors, setCursors] = useState<readonly (string | null)[]>([null]);
  const [shownFor, setShownFor] = useState(stichtag);
  if (shownFor !== stichtag) {
    setShownFor(stichtag);
    setCursors([null]);
  }
  const after = cursors[cursors.length - 1] ?? null;
  const state = useGraph(WebUeberfaelligeAntraegeDocument, { stichtag, first: SEITE, ...(after ? { after } : {}) });
  const liste = state.status === 'done' ? state.result.data?.ueberfaelligeKindergeldantraege : undefined;
  const seite = cursors.length;
  const erste = (seite - 1) * SEITE + 1;

  return (
    <section className="card" aria-labelledby="ueberfaellig-titel">
      <h2 id="ueberfaellig-titel">Überfällige Anträge am {datum(stichtag)}</h2>
      {state.status === 'loading' && <p className="loading">Wird geladen …</p>}
      {state.status === 'failed' && <p className="notice">{state.message}</p>}
      {state.status === 'done' && <Refusal errors={state.result.errors} />}
      {liste && liste.totalCount === 0 && <p>Keine überfälligen Anträge.</p>}
      {liste && liste.totalCount > 0 && (
        <>
          <p aria-live="polite" data-testid="ueberfaellig-stand">
            Seite {seite}: Anträge {erste}–{erste + liste.edges.length - 1} von {liste.totalCount}
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="ueberfaellig-titel">
            <table data-testid="ueberfaellig-liste">
              <thead>
                <tr>
                  <th scope="col">Kindergeldnummer</th>
                  <th scope="col">Familienkasse</th>
                  <th scope="col">Eingang</th>
                  <th scope="col">Fällig am</th>
                  <th scope="col">Arbeitstage bisher</th>
                </tr>
              </thead>
              <tbody>
                {liste.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <th scope="row">{node.kindergeldnummer}</th>
                    <td>{node.familienkasse}</td>
                    <td>{datum(node.eingangAm)}</td>
                    <td>{datum(node.faelligAm)}</td>
                    <td>{node.arbeitstageBisher}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
  );
}
