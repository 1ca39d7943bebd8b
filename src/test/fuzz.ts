/**
 * @module Schema-driven hostile inputs for the fuzz test: from each route's OpenAPI entry, a plausible
 * valid request, then the same request with one part at a time replaced by a hostile value of its type.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

export interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: 'path' | 'query'; schema: JsonSchema }[];
  body: JsonSchema | null;
}

const NUL = 'a\u0000b';
export const HOSTILE_STRINGS: unknown[] = [
  NUL,
  '2026-13-45',
  '2026-02-30',
  '0000-00-00',
  'x'.repeat(70_000),
  '',
  42,
  null,
  ['a'],
];
export const HOSTILE_NUMBERS: unknown[] = [
  2_147_483_648,
  -2_147_483_649,
  1e308,
  -1,
  0,
  1.5,
  '1',
  NUL,
  null,
];
export const HOSTILE_IDS = [
  '2147483648',
  '99999999999999999999',
  '-1',
  '0',
  '1.5',
  'abc',
  '%00',
  '1',
];
const HOSTILE_QUERY = ['2147483648', '-1', '2026-13-45', '%00', 'x'.repeat(5000), '', '1e999'];

const typeOf = (s: JsonSchema): string => {
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (t) return t;
  if (s.properties) return 'object';
  const alt = s.anyOf ?? s.oneOf ?? s.allOf;
  return alt?.[0] ? typeOf(alt[0]) : 'string';
};

const first = (s: JsonSchema): JsonSchema => s.anyOf?.[0] ?? s.oneOf?.[0] ?? s.allOf?.[0] ?? s;

/** A plausible value for a string field, guessed from its pattern and name. */
function sampleString(s: JsonSchema, name: string): string {
  if (s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return '2026-03-02';
  if (s.format === 'date') return '2026-03-02';
  if (s.format === 'date-time') return '2026-03-02T09:00:00.000Z';
  if (/phone|mobile/i.test(name)) return '13812345678';
  if (/idnumber/i.test(name)) return '11010519491231002X';
  if (/month/i.test(name)) return '2026-03';
  const min = s.minLength ?? 1;
  return '测试内容'.repeat(Math.ceil(Math.max(min, 4) / 4)).slice(0, Math.max(min, 4));
}

/** A plausible valid value for `s`. */
export function sample(schema: JsonSchema, name = '', depth = 0): unknown {
  const s = first(schema);
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  switch (typeOf(s)) {
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'array':
      return depth > 4 || !s.items
        ? []
        : Array.from({ length: s.minItems ?? 1 }, () => sample(s.items!, name, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sample(v, k, depth + 1);
      return out;
    }
    default:
      return sampleString(s, name);
  }
}

/** Hostile replacements for a value of schema `s`. */
export function hostileFor(schema: JsonSchema): unknown[] {
  const s = first(schema);
  switch (typeOf(s)) {
    case 'integer':
    case 'number':
      return HOSTILE_NUMBERS;
    case 'boolean':
      return ['true', 1, null];
    case 'array':
      return [
        null,
        'x',
        Array.from({ length: 40_000 }, (_, i) => `名${i}`),
        [null],
        [NUL],
        [2_147_483_648],
      ];
    case 'object':
      return [null, [], 'x', { ['__proto__']: { x: 1 } }];
    default:
      return HOSTILE_STRINGS;
  }
}

/** Every leaf path of a sample value with the schema found there. */
function leaves(s: JsonSchema, prefix: string[] = [], depth = 0): [string[], JsonSchema][] {
  const f = first(s);
  if (typeOf(f) === 'object' && f.properties && depth < 3) {
    const out: [string[], JsonSchema][] = [];
    for (const [k, v] of Object.entries(f.properties))
      out.push([[...prefix, k], v], ...leaves(v, [...prefix, k], depth + 1));
    return out;
  }
  if (typeOf(f) === 'array' && f.items && depth < 3)
    return leaves(f.items, [...prefix, '0'], depth + 1);
  return [];
}

function setAt(root: unknown, at: string[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of at.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') return copy;
    node = next as Record<string, unknown>;
  }
  node[at.at(-1)!] = value;
  return copy;
}

export interface FuzzCase {
  url: string;
  payload?: unknown;
  /** What was replaced, for the failure message. */
  what: string;
}

const fill = (path: string, values: Record<string, string>) =>
  path.replace(/\{([A-Za-z_]+)\}/g, (_, n: string) => values[n] ?? '1');

/** The hostile requests for one operation. */
export function fuzzCases(op: Operation): FuzzCase[] {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const validQuery = Object.fromEntries(
    queryParams.map((p) => [p.name, String(sample(p.schema, p.name))]),
  );
  const qs = (q: Record<string, string>) => {
    const s = new URLSearchParams(q).toString();
    return s ? `?${s}` : '';
  };
  const base = fill(op.path, {});
  const body = op.body ? sample(op.body) : undefined;
  const cases: FuzzCase[] = [];
  for (const p of pathParams)
    for (const v of HOSTILE_IDS)
      cases.push({
        url: fill(op.path, { [p.name]: v }) + qs(validQuery),
        payload: body,
        what: `path ${p.name}=${v}`,
      });
  for (const p of queryParams)
    for (const v of HOSTILE_QUERY)
      cases.push({
        url: base + qs({ ...validQuery, [p.name]: v }),
        payload: body,
        what: `query ${p.name}=${v.slice(0, 20)}`,
      });
  cases.push({ url: base + qs({ ...validQuery, unexpected: '1' }), payload: body, what: 'query+' });
  if (op.body && body !== undefined) {
    cases.push({ url: base + qs(validQuery), payload: body, what: 'valid body' });
    for (const whole of [null, [], 'x', 1, { a: { b: { c: { d: [] } } } }])
      cases.push({ url: base, payload: whole, what: `body=${JSON.stringify(whole)}` });
    for (const [at, s] of leaves(op.body))
      for (const v of hostileFor(s))
        cases.push({
          url: base + qs(validQuery),
          payload: setAt(body, at, v),
          what: `body.${at.join('.')}=${JSON.stringify(v)?.slice(0, 30)}`,
        });
  }
  if (cases.length === 0) cases.push({ url: base + qs(validQuery), what: 'plain' });
  return cases;
}
