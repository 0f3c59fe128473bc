import { useState, type FormEvent } from 'react';
import { BEHOERDEN, ROLLEN } from '../ui/labels.ts';
import { useSession } from './session.tsx';

/** The local issuer's sign-in: choose an agency and a role (embedded default only). */
export function SignIn({ rollen }: { readonly rollen: Readonly<Record<string, readonly string[]>> }) {
  const { signIn, hinweis } = useSession();
  const behoerden = Object.keys(rollen);
  const [behoerde, setBehoerde] = useState(behoerden[0] ?? '');
  const [rolle, setRolle] = useState(rollen[behoerden[0] ?? '']?.[0] ?? '');
  const [fehler, setFehler] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    signIn(behoerde, rolle)
      .catch((error: unknown) => setFehler(error instanceof Error ? error.message : String(error)))
      .finally(() => setBusy(false));
  };

  return (
    <section className="card sign-in" aria-labelledby="anmeldung-titel">
      <h1 id="anmeldung-titel">Anmelden</h1>
      <p>
        Lokaler Aussteller der Entwicklungsumgebung: Wählen Sie Behörde und Rolle. Was Sie sehen, entscheidet jeder
        Partner selbst.
      </p>
      {hinweis && (
        <p className="notice" role="alert">
          {hinweis}
        </p>
      )}
      <form onSubmit={submit}>
        <label>
          Behörde
          <select
            name="behoerde"
            value={behoerde}
            onChange={(event) => {
              setBehoerde(event.target.value);
              setRolle(rollen[event.target.value]?.[0] ?? '');
            }}
          >
            {behoerden.map((name) => (
              <option key={name} value={name}>
                {BEHOERDEN[name] ?? name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Rolle
          <select name="rolle" value={rolle} onChange={(event) => setRolle(event.target.value)}>
            {(rollen[behoerde] ?? []).map((name) => (
              <option key={name} value={name}>
                {ROLLEN[name] ?? name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy}>
          Anmelden
        </button>
      </form>
      {fehler && (
        <p className="notice" role="alert">
          Anmeldung fehlgeschlagen: {fehler}
        </p>
      )}
    </section>
  );
}
