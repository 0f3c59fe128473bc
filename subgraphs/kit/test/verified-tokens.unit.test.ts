import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Caller } from '../src/identity/agencies.ts';
import { createVerifiedTokens } from '../src/identity/verified-tokens.ts';
import { createTestIssuer, type TestIssuer } from '../src/testing/test-issuer.ts';

const caller = (userId: string): Caller => Object.freeze({ userId, agency: 'jobcenter', role: 'fallmanagement' });

describe('verified tokens', () => {
  it('answers a remembered token until its own expiry', () => {
    let now = 1_000_000;
    const tokens = createVerifiedTokens({ maxEntries: 10, maxAgeMs: 60_000, now: () => now });
    tokens.remember('a', caller('u1'), now + 10_000);
    expect(tokens.get('a')).toEqual(caller('u1'));
    now += 9_999;
    expect(tokens.get('a')?.userId).toBe('u1');
    now += 1;
    expect(tokens.get('a')).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('keeps a long-lived token no longer than maxAgeMs', () => {
    let now = 1_000_000;
    const tokens = createVerifiedTokens({ maxEntries: 10, maxAgeMs: 60_000, now: () => now });
    tokens.remember('a', caller('u1'), now + 8 * 3_600_000);
    now += 59_999;
    expect(tokens.get('a')?.userId).toBe('u1');
    now += 1;
    expect(tokens.get('a')).toBeUndefined();
  });

  it('keeps nothing already expired, and only the exact token string', () => {
    const now = 1_000_000;
    const tokens = createVerifiedTokens({ maxEntries: 10, maxAgeMs: 60_000, now: () => now });
    tokens.remember('old', caller('u1'), now);
    tokens.remember('abc', caller('u2'), now + 1000);
    expect(tokens.get('old')).toBeUndefined();
    expect(tokens.get('abc ')).toBeUndefined();
    expect(tokens.get('ABC')).toBeUndefined();
    expect(tokens.size).toBe(1);
  });

  it('holds at most maxEntries, dropping the least recently used', () => {
    const tokens = createVerifiedTokens({ maxEntries: 3, maxAgeMs: 60_000, now: () => 0 });
    for (const token of ['a', 'b', 'c']) tokens.remember(token, caller(token), 1000);
    expect(tokens.get('a')?.userId).toBe('a');
    tokens.remember('d', caller('d'), 1000);
    expect(tokens.size).toBe(3);
    expect(tokens.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((token) => tokens.get(token)?.userId)).toEqual(['a', 'c', 'd']);
    for (let index = 0; index < 1000; index += 1) tokens.remember(`t${index}`, caller('x'), 1000);
    expect(tokens.size).toBe(3);
  });
});

describe('the token verifier with its cache', () => {
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await createTestIssuer();
  });
  afterAll(() => issuer.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers a token verified before from the cache: the same caller object', async () => {
    const token = await issuer.bearer('jobcenter', 'fallmanagement');
    const first = await issuer.verifyToken(token);
    expect(await issuer.verifyToken(token)).toBe(first);
    // Another token of the same user is verified on its own.
    const other = await issuer.bearer('jobcenter', 'fallmanagement', { expiresIn: '7h' });
    expect(await issuer.verifyToken(other)).not.toBe(first);
  });

  it("refuses a cached token once its exp has passed, and re-verifies after the cache's cap", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const shortLived = await issuer.bearer('jobcenter', 'fallmanagement', { expiresIn: '30s' });
    const longLived = await issuer.bearer('agentur', 'integrationsfachkraft', { expiresIn: '8h' });
    await issuer.verifyToken(shortLived);
    const cached = await issuer.verifyToken(longLived);
    vi.setSystemTime(start + 31_000);
    await expect(issuer.verifyToken(shortLived)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(await issuer.verifyToken(longLived)).toBe(cached);
    vi.setSystemTime(start + 61_000);
    const again = await issuer.verifyToken(longLived);
    expect(again).toEqual(cached);
    expect(again).not.toBe(cached);
  });

  it('never keeps a refusal: a token refused as issued in the future is accepted once its time has come', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const now = Math.floor(Date.now() / 1000);
    const early = await issuer.forge({
      sub: 'u1',
      agency: 'jobcenter',
      role: 'fallmanagement',
      iat: now + 600,
      exp: now + 3600,
    });
    await expect(issuer.verifyToken(early)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    vi.setSystemTime((now + 600) * 1000);
    expect(await issuer.verifyToken(early)).toMatchObject({ userId: 'u1', agency: 'jobcenter' });
  });
});
