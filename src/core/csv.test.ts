import { describe, expect, it } from 'vitest';
import { csvCell, hasContent, parseCsv } from './csv.js';

describe('one CSV module', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFF名称,地址\r\n"甲律所","武昌区,中北路""1""号"\r\n"乙\n所",\r\n')).toEqual(
      [
        ['名称', '地址'],
        ['甲律所', '武昌区,中北路"1"号'],
        ['乙\n所', ''],
      ],
    );
  });

  it('opens a quote only at the start of a cell, keeps blank lines and leaves cells untrimmed', () => {
    expect(parseCsv('a 5" 屏, b\n\n c ,d')).toEqual([['a 5" 屏', ' b'], [''], [' c ', 'd']]);
    expect(parseCsv('x\n\n').map(hasContent)).toEqual([true, false]);
  });

  it('writes what it reads back, with formulas defused', () => {
    const cells = ['=1+1', '有"引号"', '逗,号', 7, null];
    const line = cells.map(csvCell).join(',');
    expect(parseCsv(line)).toEqual([["'=1+1", '有"引号"', '逗,号', '7', '']]);
  });
});
