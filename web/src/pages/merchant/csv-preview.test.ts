import { describe, expect, it } from 'vitest';
import { previewCsv } from './csv-preview.ts';

describe('previewCsv', () => {
  it('reads quoted commas, quotes and line breaks, and stops after the records asked for', () => {
    expect(previewCsv('\uFEFFa,b\r\n"x, y","say ""hi""\nthere"\n1,2\n3,4\n', 3)).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
      ['1', '2'],
    ]);
  });
  it('keeps a last record without a line break', () => {
    expect(previewCsv('a,b\n1,2', 5)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});
