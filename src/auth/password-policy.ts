/**
 * @module The password policy beyond length: no single repeated character, no whitespace-only password,
 * not the username, not one of the passwords every guessing list starts with.
 */

/** The head of the public leaked-password lists (8+ characters, the only ones the length rule lets by). */
const COMMON = new Set([
  '12345678',
  '123456789',
  '1234567890',
  '0123456789',
  '87654321',
  '11223344',
  '12341234',
  '12344321',
  '123123123',
  '147258369',
  '123qweasd',
  '1qaz2wsx',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'a1234567',
  'a12345678',
  'a123456789',
  'aa123456',
  'abc12345',
  'abcd1234',
  'abcdefgh',
  'admin123',
  'admin888',
  'asdfghjk',
  'baseball',
  'football',
  'iloveyou',
  'letmein1',
  'monkey123',
  'p@ssw0rd',
  'passw0rd',
  'password',
  'password1',
  'password123',
  'qq123456',
  'qwer1234',
  'qwerty12',
  'qwerty123',
  'qwertyui',
  'qwertyuiop',
  'sunshine',
  'welcome1',
  'woaini1314',
  'woaini520',
  'zxcvbnm1',
  'zxcvbnm123',
]);

/** The Chinese reason a password is refused, or null when it passes. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.trim() === '') return '密码不能全为空白字符';
  if (new Set(password).size === 1) return '密码不能由同一个字符重复组成';
  const lower = password.toLowerCase();
  if (lower === username.trim().toLowerCase()) return '密码不能与用户名相同';
  if (COMMON.has(lower)) return '该密码过于常见，请换一个更难猜的密码';
  return null;
}
