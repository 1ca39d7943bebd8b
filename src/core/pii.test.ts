import { describe, expect, it } from 'vitest';
import { isValidIdNumber, isValidMobile, maskIdNumber, maskMobile, maskName } from './pii.js';

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
