import type { Agency } from '@ip/kit/identity';
import { post, type Answer, type Issuer } from './client.ts';

/** What every probe may use: where the services are, tokens, real ids of the demo data, bounds. */
export interface ProbeContext {
  readonly gatewayUrl: string;
  readonly subgraphUrls: Readonly<Record<Agency, string>>;
  readonly issuer: Issuer;
  /** Person ids of the demo data; every probe that writes takes a person of its own. */
  readonly personIds: readonly string[];
  readonly timeoutMs: number;
  readonly stallSeconds: number;
  readonly restartWaitSeconds: number;
  as(agency: Agency, role: string): Promise<Record<string, string>>;
  /** The next person id no other writing probe used. */
  nextPerson(): string;
}

/** One probe's figures; a probe of parallel requests sums them up. */
export interface Outcome {
  readonly ms: number;
  readonly status: string;
  readonly codes: readonly string[];
  readonly bytes: number;
  readonly note?: string;
}

export interface Probe {
  readonly name: string;
  /** Set-up that is not measured (a fresh application to decide, say); its result goes to `run`. */
  prepare?(context: ProbeContext): Promise<unknown>;
  run(context: ProbeContext, prepared: unknown): Promise<Outcome>;
}

export const JOBCENTER = ['jobcenter', 'fallmanagement'] as const;
export const FAMILIENKASSE = ['familienkasse', 'sachbearbeitung'] as const;

export function outcomeOf(answer: Answer, note?: string): Outcome {
  const failure = answer.failure ? `no answer: ${answer.failure}` : undefined;
  const text = [failure, note].filter(Boolean).join('; ');
  return {
    ms: answer.ms,
    status: String(answer.status),
    codes: answer.codes,
    bytes: answer.bytes,
    ...(text ? { note: text } : {}),
  };
}

export async function ask(
  context: ProbeContext,
  who: readonly [Agency, string],
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Answer> {
  return post(context.gatewayUrl, { query, variables }, await context.as(who[0], who[1]), context.timeoutMs);
}

/** A received, undecided Kindergeld application of a person of its own, made the way the partners make one. */
export async function openApplication(context: ProbeContext): Promise<string> {
  const paket = await ask(
    context,
    JOBCENTER,
    `mutation Ausgabe($p: ID!) { antragspaketAusgeben(personId: $p, familienkasse: "515", ausgegebenAm: "2015-11-10") { matrixCode } }`,
    {
      p: context.nextPerson(),
    },
  );
  const code = (paket.body?.data as { antragspaketAusgeben?: { matrixCode: string } } | undefined)?.antragspaketAusgeben
    ?.matrixCode;
  if (!code) throw new Error(`set-up: packet refused ${JSON.stringify(paket.body?.errors)}`);
  const eingang = await ask(
    context,
    FAMILIENKASSE,
    `mutation Eingang($c: String!) { antragEingangErfassen(matrixCode: $c, eingangAm: "2015-11-16") { id } }`,
    { c: code },
  );
  const id = (eingang.body?.data as { antragEingangErfassen?: { id: string } } | undefined)?.antragEingangErfassen?.id;
  if (!id) throw new Error(`set-up: receipt refused ${JSON.stringify(eingang.body?.errors)}`);
  return id;
}

/** A decision; the amount is a literal so the probe holds whichever exact type the schema gives money. */
export function bescheid(monatsbetrag: string | undefined): string {
  const betrag = monatsbetrag === undefined ? '' : `monatsbetrag: ${monatsbetrag}, `;
  return `mutation Bescheid($id: ID!, $e: KindergeldErgebnis!, $g: String, $k: [KindInput!]) {
  antragBescheiden(antragId: $id, beschiedenAm: "2015-11-25", ergebnis: $e, ${betrag}ablehnungsgrund: $g, kinder: $k) { id ergebnis kinder { geburtsdatum } } }`;
}

/** What a write answered, shortened for the table: the stored values show whether the refusal happened. */
export function stored(answer: Answer): string {
  const data = answer.body?.data;
  if (data === undefined || data === null) return 'nothing stored';
  const text = JSON.stringify(data);
  return `answered ${text.length > 90 ? `${text.slice(0, 90)}…` : text}`;
}

/** Sends `count` requests at once; one row sums them: wall time, status and code counts, distinct results. */
export async function parallel(
  count: number,
  send: () => Promise<Answer>,
  resultOf: (answer: Answer) => unknown,
): Promise<Outcome> {
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: count }, send));
  const ms = performance.now() - started;
  const tally = (values: readonly string[]) =>
    Object.entries(
      values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {}),
    )
      .map(([value, n]) => `${value}×${n}`)
      .join(' ');
  const results = new Set(
    answers.map((answer) => JSON.stringify(resultOf(answer) ?? null)).filter((result) => result !== 'null'),
  );
  return {
    ms,
    status: tally(answers.map((answer) => String(answer.status))),
    codes: answers.flatMap((answer) => answer.codes),
    bytes: answers.reduce((sum, answer) => sum + answer.bytes, 0),
    note: `${results.size} distinct result(s) created; slowest ${Math.max(...answers.map((answer) => answer.ms)).toFixed(0)} ms`,
  };
}
