import { useEffect, useState } from 'react';
import { SessionProvider, useSession, useSettings } from './auth/session.tsx';
import { SignIn } from './auth/sign-in.tsx';
import { PersonCard } from './pages/person/person-card.tsx';
import { PersonList } from './pages/person/person-list.tsx';
import { SlaPage } from './pages/sla/sla-page.tsx';
import { BEHOERDEN, ROLLEN } from './ui/labels.ts';

/** Hash routes, so the page's server serves one file: `#/sla`, `#/personen`, `#/personen/<id>`. */
function useRoute(): string {
  const [route, setRoute] = useState(() => window.location.hash.slice(1) || '/sla');
  useEffect(() => {
    const onChange = () => setRoute(window.location.hash.slice(1) || '/sla');
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

function Page({ route }: { readonly route: string }) {
  const person = /^\/personen\/(.+)$/.exec(route);
  if (person) return <PersonCard id={decodeURIComponent(person[1]!)} />;
  if (route.startsWith('/personen')) return <PersonList />;
  return <SlaPage />;
}

function Shell() {
  const route = useRoute();
  const { settings, anmeldung, signOut } = useSession();
  const signedIn = settings.anmeldung.art === 'proxy' || anmeldung !== undefined;
  useEffect(() => {
    document.title = `${route.startsWith('/personen') ? 'Personen' : 'SLA-Übersicht Kindergeld'} – Integration Point`;
  }, [route]);
  return (
    <>
      <header className="top">
        <a className="brand" href="#/sla">
          Integration Point
        </a>
        <nav aria-label="Seiten">
          <a href="#/sla" aria-current={route.startsWith('/sla') ? 'page' : undefined}>
            SLA-Übersicht
          </a>
          <a href="#/personen" aria-current={route.startsWith('/personen') ? 'page' : undefined}>
            Personen
          </a>
        </nav>
        {anmeldung && (
          <div className="who">
            <span>
              {BEHOERDEN[anmeldung.behoerde] ?? anmeldung.behoerde} · {ROLLEN[anmeldung.rolle] ?? anmeldung.rolle}
            </span>
            <button type="button" onClick={() => signOut()}>
              Abmelden
            </button>
          </div>
        )}
      </header>
      <main>
        {signedIn ? (
          <Page route={route} />
        ) : (
          settings.anmeldung.art === 'lokal' && <SignIn rollen={settings.anmeldung.rollen} />
        )}
      </main>
    </>
  );
}

export function App() {
  const settings = useSettings();
  if (settings === 'loading') return <p className="loading">Wird geladen …</p>;
  if (settings === 'failed') return <p className="notice">Die Einstellungen der Seite sind nicht erreichbar.</p>;
  return (
    <SessionProvider settings={settings}>
      <Shell />
    </SessionProvider>
  );
}
