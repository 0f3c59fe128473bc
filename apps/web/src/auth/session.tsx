import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/** What the page's server says at start (apps/web/server/web-server.ts, `PageSettings`). */
export interface Settings {
  readonly anmeldung:
    { readonly art: 'lokal'; readonly rollen: Readonly<Record<string, readonly string[]>> } | { readonly art: 'proxy' };
  readonly familienkassen: readonly string[];
  /** The day the dashboard opens on; today when the server names none. */
  readonly stichtag: string | null;
}

interface Anmeldung {
  readonly token: string;
  readonly behoerde: string;
  readonly rolle: string;
}

interface Session {
  readonly settings: Settings;
  /** The bearer token of the local issuer; undefined behind an identity provider's proxy. */
  readonly token: string | undefined;
  readonly anmeldung: Anmeldung | undefined;
  /** Why the page signed out, if it did so on its own (a refused token). */
  readonly hinweis: string | undefined;
  // Function properties, not methods: components destructure them from useSession().
  readonly signIn: (behoerde: string, rolle: string) => Promise<void>;
  readonly signOut: (hinweis?: string) => void;
}

const SessionContext = createContext<Session | undefined>(undefined);
const STORAGE_KEY = 'ip-anmeldung';

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

function stored(): Anmeldung | undefined {
  try {
    const value = sessionStorage.getItem(STORAGE_KEY);
    return value ? (JSON.parse(value) as Anmeldung) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * On the embedded default the page signs in with the local issuer (`POST /anmeldung/token` of its own
 * server) and keeps the token for the browser tab (sessionStorage). Behind an identity provider the
 * server offers no sign-in: a proxy in front of it adds the caller's token to `/graphql`.
 */
export function SessionProvider({ settings, children }: { readonly settings: Settings; readonly children: ReactNode }) {
  const [anmeldung, setAnmeldung] = useState<Anmeldung | undefined>(() =>
    settings.anmeldung.art === 'lokal' ? stored() : undefined,
  );
  const [hinweis, setHinweis] = useState<string>();

  const signOut = useCallback((reason?: string) => {
    sessionStorage.removeItem(STORAGE_KEY);
    setAnmeldung(undefined);
    setHinweis(reason);
  }, []);

  const signIn = useCallback(async (behoerde: string, rolle: string) => {
    const response = await fetch('/anmeldung/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agency: behoerde, role: rolle }),
    });
    const answer = (await response.json()) as { token?: string; error?: string };
    if (!answer.token) throw new Error(answer.error ?? `HTTP ${response.status}`);
    const next = { token: answer.token, behoerde, rolle };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setHinweis(undefined);
    setAnmeldung(next);
  }, []);

  const value = useMemo<Session>(
    () => ({ settings, token: anmeldung?.token, anmeldung, hinweis, signIn, signOut }),
    [settings, anmeldung, hinweis, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The settings, once the page's server answered them. */
export function useSettings(): Settings | 'loading' | 'failed' {
  const [settings, setSettings] = useState<Settings | 'loading' | 'failed'>('loading');
  useEffect(() => {
    fetch('/einstellungen.json')
      .then((response) =>
        response.ok ? (response.json() as Promise<Settings>) : Promise.reject(new Error(String(response.status))),
      )
      .then(setSettings, () => setSettings('failed'));
  }, []);
  return settings;
}
