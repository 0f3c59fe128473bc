import { setTimeout as sleep } from 'node:timers/promises';
import { post } from './client.ts';
import { listeningPid, portOf, stopProcess } from './proc.ts';
import { ask, JOBCENTER, outcomeOf, type Probe, type ProbeContext } from './probes.ts';

/** The probes of issue 11's table that stop or kill a partner's process; the kill goes last, it may end the run. */

const TOUCHES_FAMILIENKASSE = `query Person($id: ID!) { person(id: $id) { identitaet { nachname } kindergeldantraege { id } } }`;

function familienkassePid(context: ProbeContext): number {
  const pid = listeningPid(portOf(context.subgraphUrls.familienkasse));
  if (pid === undefined) throw new Error(`no process of this user listens on ${context.subgraphUrls.familienkasse}`);
  return pid;
}

export function partnerProbes(): Probe[] {
  return [
    {
      name: 'partner-stalled',
      async run(context) {
        const resume = stopProcess(familienkassePid(context));
        const timer = setTimeout(resume, context.stallSeconds * 1000);
        try {
          const answer = await post(
            context.gatewayUrl,
            { query: TOUCHES_FAMILIENKASSE, variables: { id: context.personIds[0] } },
            await context.as(...JOBCENTER),
            context.timeoutMs + context.stallSeconds * 1000,
          );
          return outcomeOf(answer, `familienkasse stopped for ${context.stallSeconds} s`);
        } finally {
          clearTimeout(timer);
          resume();
        }
      },
    },
    {
      name: 'subgraph-killed',
      async run(context) {
        process.kill(familienkassePid(context), 'SIGKILL');
        await sleep(2000);
        const answer = await ask(context, JOBCENTER, TOUCHES_FAMILIENKASSE, { id: context.personIds[0] });
        const others = await Promise.all(
          (['agentur', 'jobcenter', 'auslaenderbehoerde'] as const).map(async (name) => {
            const direct = await post(
              context.subgraphUrls[name],
              { query: '{ __typename }' },
              await context.as(...JOBCENTER),
              5000,
            );
            return `${name} ${direct.status}`;
          }),
        );
        const started = performance.now();
        let back = false;
        while (!back && performance.now() - started < context.restartWaitSeconds * 1000) {
          await sleep(500);
          back =
            (
              await post(
                context.subgraphUrls.familienkasse,
                { query: '{ __typename }' },
                await context.as(...JOBCENTER),
                2000,
              )
            ).status === 200;
        }
        const comeback = back
          ? `familienkasse back after ${((performance.now() - started) / 1000 + 2).toFixed(1)} s`
          : `familienkasse not back within ${context.restartWaitSeconds + 2} s`;
        return outcomeOf(answer, `after 2 s: ${others.join(', ')}; ${comeback}`);
      },
    },
  ];
}
