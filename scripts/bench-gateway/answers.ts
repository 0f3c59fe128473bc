import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What of an answer must not change: its `data` byte for byte, and its errors' codes and paths. */
export interface Answer {
  readonly data: string;
  readonly errors: readonly string[];
}

export async function ask(url: string, body: string, authorization: string): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body,
  });
  const json = (await response.json()) as {
    data?: unknown;
    errors?: { path?: readonly (string | number)[]; extensions?: { code?: string } }[];
  };
  return {
    data: JSON.stringify(json.data ?? null),
    errors: (json.errors ?? [])
      .map((error) => `${error.extensions?.code ?? '-'} at ${(error.path ?? []).join('.')}`)
      .sort(),
  };
}

export const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Keys of the two answer sets whose `data` (and, with `withErrors`, error codes and paths) differ. */
export function differences(
  one: Readonly<Record<string, Answer>>,
  other: Readonly<Record<string, Answer>>,
  withErrors: boolean,
): string[] {
  return Object.keys(one).filter((key) => {
    const theirs = other[key];
    if (!theirs) return false;
    return one[key]!.data !== theirs.data || (withErrors && one[key]!.errors.join('\n') !== theirs.errors.join('\n'));
  });
}

interface Stored {
  readonly commit: string;
  readonly answers: Record<string, Answer>;
}

/**
 * The answers of the last run, kept under node_modules/.cache so that a run on a branch compares its
 * answers with a run on main made before it (the demo data is the same on every fresh start).
 */
export async function previousAnswers(root: string): Promise<Stored | undefined> {
  const text = await readFile(join(root, 'node_modules/.cache/ip-bench-gateway/answers.json'), 'utf8').catch(
    () => undefined,
  );
  return text ? (JSON.parse(text) as Stored) : undefined;
}

export async function storeAnswers(root: string, answers: Record<string, Answer>): Promise<string> {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    if (execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim()) commit += '+changes';
  } catch {
    // Not a git checkout: the answers are kept without a name.
  }
  await mkdir(join(root, 'node_modules/.cache/ip-bench-gateway'), { recursive: true });
  await writeFile(
    join(root, 'node_modules/.cache/ip-bench-gateway/answers.json'),
    JSON.stringify({ commit, answers } satisfies Stored),
  );
  return commit;
}
