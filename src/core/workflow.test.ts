import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { defineWorkflow, SAME, type WorkflowSpec } from './workflow.js';

type S = 'open' | 'held' | 'done';
type E = 'hold' | 'release' | 'finish' | 'touch';
type P = 'clerk' | 'chief' | 'visitor';
interface Rec {
  status: S;
  count: number;
}
interface Ev {
  type: E;
  note?: string;
}

const NOW = new Date('2026-12-02T02:00:00Z');
const spec: WorkflowSpec<S, E, P, Rec, Ev, string> = {
  name: 'test',
  states: { open: '办理中', held: '暂停', done: '办结' },
  rows: [
    {
      from: ['open'],
      event: 'hold',
      to: 'held',
      by: ['clerk'],
      guards: ['hasNote'],
      label: '暂停',
    },
    { from: ['held'], event: 'release', to: 'open', by: ['clerk'], label: '恢复' },
    {
      from: ['open', 'held'],
      event: 'finish',
      to: 'done',
      by: ['chief'],
      guards: ['countBelowThree'],
      label: '办结',
      patch: (r) => ({ count: r.count + 1 }),
      effects: () => ['notify'],
    },
    { from: ['open'], event: 'touch', to: SAME, by: ['clerk', 'visitor'], label: '登记' },
  ],
  guards: {
    hasNote: (_r, e) => (e.note?.trim() ? null : '请写明理由'),
    countBelowThree: (r) =>
      r.count < 3 ? null : { code: 'extension_too_long', message: '次数已满' },
  },
  stateOf: (r) => r.status,
  // A chief may do what a clerk may.
  mayFire: (party, by) => by.includes(party) || (party === 'chief' && by.includes('clerk')),
};
const wf = defineWorkflow(spec);
const rec = (status: S, count = 0): Rec => ({ status, count });

describe('the core workflow engine', () => {
  it('moves a record, returning its patch and effects, and keeps the state on a `same` row', () => {
    expect(wf.transition(rec('open'), { type: 'finish' }, 'chief', NOW)).toEqual({
      ok: true,
      from: 'open',
      next: 'done',
      patch: { count: 1 },
      effects: ['notify'],
      label: '办结',
    });
    expect(wf.transition(rec('open'), { type: 'touch' }, 'visitor', NOW)).toMatchObject({
      ok: true,
      next: 'open',
    });
  });

  it('refuses an event the state does not allow, a party not named, and a failing guard', () => {
    expect(wf.transition(rec('done'), { type: 'hold', note: 'x' }, 'clerk', NOW)).toEqual({
      ok: false,
      code: 'invalid_transition',
      message: '当前状态（办结）下不能暂停',
    });
    expect(wf.transition(rec('open'), { type: 'finish' }, 'clerk', NOW)).toMatchObject({
      ok: false,
      code: 'not_allowed',
    });
    expect(wf.transition(rec('open'), { type: 'hold' }, 'clerk', NOW)).toEqual({
      ok: false,
      code: 'guard_failed',
      message: '请写明理由',
    });
    expect(wf.transition(rec('open', 3), { type: 'finish' }, 'chief', NOW)).toEqual({
      ok: false,
      code: 'guard_failed',
      guardCode: 'extension_too_long',
      message: '次数已满',
    });
  });

  it('`step` throws the typed error each refusal answers with', () => {
    const statusOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof AppError ? [e.status, e.code] : ['not an AppError'];
      }
      return ['no error'];
    };
    expect(statusOf(() => wf.step(rec('done'), { type: 'release' }, 'clerk', NOW))).toEqual([
      409,
      'invalid_transition',
    ]);
    expect(statusOf(() => wf.step(rec('open'), { type: 'finish' }, 'visitor', NOW))).toEqual([
      403,
      'forbidden',
    ]);
    expect(statusOf(() => wf.step(rec('open'), { type: 'hold' }, 'clerk', NOW))).toEqual([
      400,
      'transition_rejected',
    ]);
    expect(statusOf(() => wf.step(rec('held', 5), { type: 'finish' }, 'chief', NOW))).toEqual([
      400,
      'extension_too_long',
    ]);
  });

  it('answers the UI: can() is yes or no, available() lists the events, and mayFire widens a party', () => {
    expect(wf.can('open', 'hold', 'clerk')).toBe(true);
    expect(wf.can('open', 'hold', 'chief')).toBe(true);
    expect(wf.can('open', 'hold', 'visitor')).toBe(false);
    expect(wf.can('done', 'release', 'clerk')).toBe(false);
    expect(wf.available('open', 'clerk')).toEqual(['hold', 'touch']);
    expect(wf.available('open', 'chief')).toEqual(['hold', 'finish', 'touch']);
    expect(wf.available('done', 'chief')).toEqual([]);
    expect(wf.eventLabels).toEqual({
      hold: '暂停',
      release: '恢复',
      finish: '办结',
      touch: '登记',
    });
  });

  it('fails at load on an unknown guard, an unknown state or a row given twice', () => {
    const row = spec.rows[1]!;
    expect(() => defineWorkflow({ ...spec, rows: [{ ...row, guards: ['nope'] }] })).toThrow(
      'test workflow: unknown guard nope in release',
    );
    expect(() => defineWorkflow({ ...spec, rows: [{ ...row, from: ['lost' as S] }] })).toThrow(
      'test workflow: unknown state lost',
    );
    expect(() => defineWorkflow({ ...spec, rows: [{ ...row, to: 'gone' as S }] })).toThrow(
      'test workflow: unknown state gone',
    );
    expect(() => defineWorkflow({ ...spec, rows: [row, row] })).toThrow(
      'test workflow: duplicate row held/release',
    );
  });

  it('offers only rows the record’s own guards let through, not those waiting on the payload', () => {
    const guarded = defineWorkflow({ ...spec, recordGuards: new Set(['countBelowThree']) });
    // hold needs a note (payload): still offered; finish is refused by the record once the count is full.
    expect(guarded.offered(rec('open', 0), 'chief', NOW)).toEqual(['hold', 'finish', 'touch']);
    expect(guarded.offered(rec('open', 3), 'chief', NOW)).toEqual(['hold', 'touch']);
    // Without recordGuards, offered() is available().
    expect(wf.offered(rec('open', 3), 'chief', NOW)).toEqual(wf.available('open', 'chief'));
  });
});
