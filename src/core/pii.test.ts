import { describe, expect, it } from 'vitest';
import {
  isValidIdNumber,
  isValidMobile,
  maskIdNumber,
  maskMobile,
  maskName,
  scrubNumbers,
} from './pii.js';

describe('居民身份证号', () => {
  it('accepts a number whose check digit matches GB 11643', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('420102199003077777')).toBe(false);
  });
  it('rejects wrong length, bad dates and a wrong check digit', () => {
    expect(isValidIdNumber('1101051949123100')).toBe(false);
    expect(isValidIdNumber('110105194913310021')).toBe(false);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
  });
  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
});

describe('mobile numbers', () => {
  it('accepts mainland mobiles, with or without +86', () => {
    expect(isValidMobile('13812345678')).toBe(true);
    expect(isValidMobile('+86 138-1234-5678')).toBe(true);
    expect(isValidMobile('12812345678')).toBe(false);
    expect(isValidMobile('1381234567')).toBe(false);
  });
  it('masks the middle four digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskName('张三丰')).toBe('张**');
  });
});

describe('taking identifying numbers out of kept text', () => {
  it('removes ID, mobile, landline and card numbers but keeps amounts and dates', () => {
    expect(
      scrubNumbers('我叫张三，身份证420102199001011234，电话 138-1234-5678，座机027-8765432。'),
    ).toBe('我叫张三，身份证〔号码〕，电话 〔号码〕，座机〔号码〕。');
    expect(scrubNumbers('欠我工资3000元，2024年5月入职，卡号6222021234567890123')).toBe(
      '欠我工资3000元，2024年5月入职，卡号〔号码〕',
    );
  });
});
