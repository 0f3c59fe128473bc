import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindRecord, observeRequest, recordFor, type RequestRecord } from '../src/request-record.ts';
import { captureLogs } from '../src/testing.ts';

/**
 * The request's one log line, field for field and in this order: operators' queries and the log shippers'
 * parsers read it (docs/operations.md). Only the time and the duration differ from line to line.
 */
let server: Server;
let url: string;
let logs: Awaited<ReturnType<typeof captureLogs>>;

beforeAll(async () => {
  logs = await captureLogs('info');
  server = createServer((request, response) => {
    void observeRequest(
      'probe',
      request,
      response,
      async () => {
        const record = recordFor(request)!;
        const asked = new URL(request.url!, 'http://localhost').searchParams;
        if (asked.has('operation')) record.operation = asked.get('operation')!;
        if (asked.has('agency')) [record.agency, record.role] = ['jobcenter', 'fallmanagement'];
        for (const code of asked.getAll('code')) record.errorCodes.add(code);
        for (const partner of asked.getAll('partner'))
          record.partnerErrors.push({ partner, grund: 'ZEITUEBERSCHREITUNG' });
        response.statusCode = Number(asked.get('status') ?? 200);
        response.end('{}');
      },
      () => {},
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server?.close();
  await logs?.stop();
});

/** The line of the request `requestId`, its time and duration replaced by placeholders. */
async function lineOf(requestId: string, query: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${url}?${query}`, { headers: { 'x-request-id': requestId, ...headers } });
  await response.text();
  await expect.poll(() => logs.lines.some((line) => line.includes(`"requestId":"${requestId}"`))).toBe(true);
  return logs.lines
    .find((line) => line.includes(`"requestId":"${requestId}"`))!
    .replace(/"time":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"/, '"time":"T"')
    .replace(/"durationMs":\d+(\.\d)?,/, '"durationMs":D,');
}

describe("a request's log line", () => {
  it('holds only the fields known, in their order, without errors when there were none', async () => {
    expect(await lineOf('req-1', '')).toBe(
      '{"level":"info","time":"T","service":"test","requestId":"req-1","status":200,"durationMs":D,"msg":"request"}',
    );
  });

  it('names trace, operation, caller, error codes and partners, and is an error line from status 500', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const query =
      'operation=PersonAnsicht&agency&code=PARTNER_NICHT_ERREICHBAR&code=OTHER&partner=jobcenter&status=502';
    expect(await lineOf('req-2', query, { traceparent })).toBe(
      '{"level":"error","time":"T","service":"test","requestId":"req-2","traceId":"4bf92f3577b34da6a3ce929d0e0e4736",' +
        '"operation":"PersonAnsicht","agency":"jobcenter","role":"fallmanagement","status":502,"durationMs":D,' +
        '"errors":["PARTNER_NICHT_ERREICHBAR","OTHER"],"partnerErrors":[{"partner":"jobcenter","grund":"ZEITUEBERSCHREITUNG"}],' +
        '"msg":"request"}',
    );
  });
});

describe("a request's record", () => {
  it("is found from a shallow copy of the object it was bound to, as Apollo Server copies a request's context", () => {
    const context = { authorization: 'Bearer probe' };
    const record = { requestId: 'req-3' } as RequestRecord;
    bindRecord(context, record);
    expect(recordFor({ ...context })).toBe(record);
    expect(recordFor({ authorization: 'Bearer probe' })).toBeUndefined();
  });
});
