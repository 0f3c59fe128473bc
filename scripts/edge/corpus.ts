import { post, postLarge } from './client.ts';
import {
  ask,
  bescheid as decision,
  FAMILIENKASSE,
  JOBCENTER,
  openApplication,
  outcomeOf,
  parallel,
  stored,
  type Probe,
  type ProbeContext,
} from './probes.ts';

/** The probes of issue 11's table that need no partner process to be stopped or killed. */

const MB = 1024 * 1024;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const KIND = { vorname: 'Lina', nachname: 'Haddad', geburtsdatum: '2011-03-04' };

function body(bytes: number): Probe {
  return {
    name: `body-${bytes / MB}mb`,
    async run(context) {
      const padded = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(bytes) } });
      return outcomeOf(await postLarge(context.gatewayUrl, padded, await context.as(...JOBCENTER), context.timeoutMs));
    },
  };
}

function bescheid(name: string, monatsbetrag: string | undefined, variables: Record<string, unknown>): Probe {
  return {
    name,
    prepare: openApplication,
    async run(context, id) {
      const payload = JSON.stringify({ query: decision(monatsbetrag), variables: { id, ...variables } });
      const answer = await postLarge(
        context.gatewayUrl,
        payload,
        await context.as(...FAMILIENKASSE),
        context.timeoutMs,
      );
      return outcomeOf(answer, stored(answer));
    },
  };
}

function token(name: string, claims: (nowSeconds: number) => Record<string, unknown>): Probe {
  return {
    name,
    async run(context) {
      const now = Math.floor(Date.now() / 1000);
      const authorization = await context.issuer.forged({
        sub: 'bench-forged',
        agency: 'jobcenter',
        role: 'fallmanagement',
        ...claims(now),
      });
      const answer = await post(context.gatewayUrl, { query: '{ __typename }' }, { authorization }, context.timeoutMs);
      return outcomeOf(answer, answer.status === 200 ? 'accepted' : undefined);
    },
  };
}

const PAKET = `mutation Ausgabe($p: ID!, $r: ID) { antragspaketAusgeben(personId: $p, familienkasse: "515", ausgegebenAm: "2015-11-10", anfrageId: $r) { matrixCode } }`;
const PAKET_OHNE = `mutation Ausgabe($p: ID!) { antragspaketAusgeben(personId: $p, familienkasse: "515", ausgegebenAm: "2015-11-10") { matrixCode } }`;
const KLAERUNG = `mutation Anfrage($p: ID!, $r: ID) { statusklaerungAnfragen(personId: $p, anliegen: AUFENTHALTSSTATUS, frage: "Parallel gestellt", anfrageId: $r) { id } }`;
const KLAERUNG_FRAGE = `mutation Anfrage($p: ID!, $f: String!) { statusklaerungAnfragen(personId: $p, anliegen: AUFENTHALTSSTATUS, frage: $f) { id } }`;
const KLAERUNG_OHNE = `mutation Anfrage($p: ID!) { statusklaerungAnfragen(personId: $p, anliegen: AUFENTHALTSSTATUS, frage: "Parallel gestellt") { id } }`;

function twenty(name: string, query: string, withId: boolean, field: string): Probe {
  return {
    name,
    async run(context) {
      const p = context.nextPerson();
      const variables = withId ? { p, r: `bench-${name}-${Date.now()}` } : { p };
      return parallel(
        20,
        () => ask(context, JOBCENTER, query, variables),
        (answer) => (answer.body?.data as Record<string, unknown> | null | undefined)?.[field],
      );
    },
  };
}

export function corpusProbes(context: ProbeContext): Probe[] {
  const ids = context.personIds;
  return [
    {
      name: 'aliases-120-person',
      async run() {
        const fields = range(120).map(
          (i) =>
            `a${i}: person(id: "${ids[i % ids.length]}") { datenschutz { familienkasse { einwilligungen { id } } } }`,
        );
        return outcomeOf(await ask(context, JOBCENTER, `query Aliases { ${fields.join(' ')} }`));
      },
    },
    {
      name: 'aliases-500-personen',
      async run() {
        const node =
          'id identitaet { vorname nachname } aufenthalt { status { art } } integrationPointFall { kundennummer } bedarfsgemeinschaft { bgNummer } kindergeldantraege { kindergeldnummer }';
        const fields = range(500).map((i) => `a${i}: personen(first: 100) { edges { node { ${node} } } }`);
        return outcomeOf(await ask(context, JOBCENTER, `query Viele { ${fields.join(' ')} }`));
      },
    },
    {
      name: 'date-2015-02-30',
      async run() {
        return outcomeOf(
          await ask(
            context,
            FAMILIENKASSE,
            `query { ueberfaelligeKindergeldantraege(stichtag: "2015-02-30") { totalCount } }`,
          ),
        );
      },
    },
    {
      name: 'nul-byte-text',
      async run() {
        const answer = await ask(context, JOBCENTER, KLAERUNG_FRAGE, {
          p: context.nextPerson(),
          f: 'Frage mit \u0000 darin',
        });
        return outcomeOf(answer, stored(answer));
      },
    },
    bescheid('monatsbetrag-1e308', '1e308', { e: 'BEWILLIGT', k: [KIND] }),
    {
      name: 'operation-name-100kb',
      async run() {
        const person = context.nextPerson();
        const answer = await ask(
          context,
          JOBCENTER,
          `query Gerichtsbeschluss_${'x'.repeat(100_000)}($id: ID!) { person(id: $id) { kindergeldantraege { id } } }`,
          { id: person },
        );
        const log = await ask(
          context,
          ['familienkasse', 'datenschutz'],
          `query Protokoll($id: ID!) { person(id: $id) { datenschutz { familienkasse { zugriffe(first: 5) { edges { node { operation } } } } } } }`,
          { id: person },
        );
        const rows =
          (
            log.body?.data as
              | {
                  person?: {
                    datenschutz?: { familienkasse?: { zugriffe?: { edges: { node: { operation: string } }[] } } };
                  };
                }
              | undefined
          )?.person?.datenschutz?.familienkasse?.zugriffe?.edges ?? [];
        const longest = Math.max(0, ...rows.map((edge) => edge.node.operation.length));
        return outcomeOf(answer, `${rows.length} log row(s) for the person, longest operation ${longest} chars`);
      },
    },
    {
      name: 'entities-id-array',
      async run() {
        const representations = [{ __typename: 'Person', id: ['a', 'b'] }];
        const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id } } }';
        return outcomeOf(
          await post(
            context.subgraphUrls.familienkasse,
            { query, variables: { r: representations } },
            await context.as(...JOBCENTER),
            context.timeoutMs,
          ),
        );
      },
    },
    {
      name: 'entities-unknown-type',
      async run() {
        const representations = [{ __typename: 'Unbekannt', id: 'x' }];
        const query = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
        return outcomeOf(
          await post(
            context.subgraphUrls.familienkasse,
            { query, variables: { r: representations } },
            await context.as(...JOBCENTER),
            context.timeoutMs,
          ),
        );
      },
    },
    body(20 * MB),
    body(60 * MB),
    token('token-exp-9999', (now) => ({ iat: now, exp: Math.floor(Date.UTC(9999, 11, 31) / 1000) })),
    token('token-iat-future', (now) => ({ iat: now + 86_400, exp: now + 86_400 + 8 * 3600 })),
    bescheid('monatsbetrag-0.001', '0.001', { e: 'BEWILLIGT', k: [KIND] }),
    bescheid('freitext-1mb', undefined, { e: 'ABGELEHNT', g: 'x'.repeat(MB) }),
    bescheid('kind-1800', '188', { e: 'BEWILLIGT', k: [{ ...KIND, geburtsdatum: '1800-01-01' }] }),
    twenty('paket-20x', PAKET_OHNE, false, 'antragspaketAusgeben'),
    twenty('paket-20x-anfrageId', PAKET, true, 'antragspaketAusgeben'),
    twenty('statusklaerung-20x', KLAERUNG_OHNE, false, 'statusklaerungAnfragen'),
    twenty('statusklaerung-20x-anfrageId', KLAERUNG, true, 'statusklaerungAnfragen'),
  ];
}
