import { resolve } from 'node:path';
import { z } from 'zod';

const schema = z.object({
  HOST: z.string().min(1).default('localhost'),
  WEB_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  WEB_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
  WEB_FAMILIENKASSEN: z
    .string()
    .regex(/^\d{3}(,\d{3})*$/, 'three-digit numbers separated by commas')
    .default('515,534,548'),
  WEB_DIST_DIR: z.string().min(1).default('apps/web/dist'),
  WEB_STICHTAG: z.iso.date().optional(),
});

export interface WebConfig {
  readonly host: string;
  readonly port: number;
  /** Where the pages' `/graphql` requests go: the gateway. */
  readonly gatewayUrl: string;
  /** The Familienkassen the SLA dashboard shows a row for (the demo's three by default). */
  readonly familienkassen: readonly string[];
  /** The built pages (`vite build`). */
  readonly distDir: string;
  /** The day the SLA dashboard opens on (the demo's reference day on the embedded default); today when unset. */
  readonly stichtag: string | undefined;
}

/** Read once at start; the only place the web server looks at the environment (identity aside). */
export function loadWebConfig(env: NodeJS.ProcessEnv): WebConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid web configuration:\n${problems.join('\n')}`);
  }
  const raw = result.data;
  return Object.freeze({
    host: raw.HOST,
    port: raw.WEB_PORT,
    gatewayUrl: raw.WEB_GATEWAY_URL ?? `http://localhost:${raw.GATEWAY_PORT}/graphql`,
    familienkassen: Object.freeze(raw.WEB_FAMILIENKASSEN.split(',')),
    distDir: resolve(env['INIT_CWD'] ?? process.cwd(), raw.WEB_DIST_DIR),
    stichtag: raw.WEB_STICHTAG,
  });
}
