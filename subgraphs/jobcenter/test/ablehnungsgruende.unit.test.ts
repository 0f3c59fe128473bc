import { ANFRAGE_ID_GRUENDE } from '@ip/kit/idempotency';
import { enumValuesOf, reasonsWrittenIn } from '@ip/kit/testing';
import { describe, expect, it } from 'vitest';
import { ABLEHNUNGSGRUENDE } from '../src/errors.ts';

const schema = new URL('../schema.graphql', import.meta.url);

describe('the reasons of a refusal (extensions.grund)', () => {
  it('are the values of enum AblehnungsgrundJobcenter in schema.graphql, each described', () => {
    const values = enumValuesOf(schema, 'AblehnungsgrundJobcenter');
    expect(values.map((value) => value.name).sort()).toEqual([...ABLEHNUNGSGRUENDE].sort());
    expect(values.filter((value) => !value.description?.trim())).toEqual([]);
  });

  it('are each written somewhere in the code that refuses, so none is listed that cannot occur', () => {
    const own = ABLEHNUNGSGRUENDE.filter((grund) => !(ANFRAGE_ID_GRUENDE as readonly string[]).includes(grund));
    expect(reasonsWrittenIn(new URL('../src/', import.meta.url), own, 'errors.ts')).toEqual(own);
  });
});
