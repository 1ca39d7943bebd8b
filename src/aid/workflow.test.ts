import { describe, expect, it } from 'vitest';
import { SAME } from '../core/workflow.js';
import { makeApplication, passingEvent, ALL_PARTIES } from '../test/aid-fixtures.js';
import type { AidApplication } from './tables.js';
import { availableEvents, can, transition } from './transition.js';
import {
  GUARDS,
  STATES,
  WORKFLOW,
  mayFire,
  type AidEvent,
  type AidStatus,
  type Party,
} from './workflow.js';

const NOW = new Date('2026-03-05T02:00:00Z');
/** supplement_expired needs the clock past the 补正 deadline. */
const nowFor = (event: string) =>
  event === 'supplement_expired' ? new Date('2026-06-01T02:00:00Z') : NOW;
const actor = (party: Party) => ({
  party,
  userId: party === 'system' ? null : 5,
  role: 'aid_officer' as const,
});
/**
 * A record in `status` that every record guard of the row accepts: held by the competent office (agency 2),
 * except for a transfer, which starts at the receiving one (agency 1); a terminated case with its lawyer for
 * what follows an upheld objection; 容缺 papers outstanding once review goes on.
 */
const setupFor = (status: string, event?: string): AidApplication =>
  makeApplication({
    status,
    agency_id: event === 'transfer' ? 1 : 2,
    supplement_deadline: '2026-03-20',
    pauses: status === 'awaiting_supplement' ? '[{"from":"2026-03-03","to":null}]' : '[]',
    ...(status === 'awaiting_supplement'
      ? { supplement_count: 1, supplement_delivered_at: '2026-03-03T02:00:00Z' }
      : {}),
    ...(event === 'record_papers'
      ? { tolerant_at: '2026-03-02T02:00:00Z', tolerant_items: '["户口簿"]' }
      : {}),
    ...(event === 'restore_assignment'
      ? { terminated_at: '2026-03-04T02:00:00Z', assigned_lawyer_id: 77 }
      : {}),
  });
/** The state a row leads to from `from` (SAME rows keep it; a row going back picks from the record). */
const setup = (status: string) => setupFor(status);
const target = (row: (typeof WORKFLOW)[number], from: AidStatus, a = setup(from)): AidStatus =>
  row.to === SAME ? from : typeof row.to === 'string' ? row.to : row.to.pick(a);

type Breaker = (a: AidApplication, e: AidEvent) => [AidApplication, AidEvent, Date];
const BREAK: Record<string, Breaker> = {
  notAtCompetentAgency: (a, e) => [{ ...a, competent_agency_id: a.agency_id }, e, NOW],
  atCompetentAgency: (a, e) => [{ ...a, agency_id: 1 }, e, NOW],
  papersOutstanding: (a, e) => [{ ...a, tolerant_completed_at: '2026-03-04T02:00:00Z' }, e, NOW],
  wasTerminatedWithLawyer: (a, e) => [{ ...a, terminated_at: null }, e, NOW],
  hasNewCompetentAgency: (a, e) => [a, { ...e, agencyId: a.competent_agency_id }, NOW],
  hasMissingItems: (a, e) => [a, { ...e, items: [' '] }, NOW],
  supplementDeadlinePassed: (a, e) => [a, e, new Date('2026-03-20T02:00:00Z')],
  firstSupplement: (a, e) => [{ ...a, supplement_count: 1 }, e, NOW],
  supplementDelivered: (a, e) => [{ ...a, supplement_delivered_at: null }, e, NOW],
  hasDeliveryChannel: (a, e) => [a, { ...e, deliveryChannel: undefined }, NOW],
  hasReasons: (a, e) => [a, { ...e, reasons: '  ' }, NOW],
  hasUrgentGround: (a, e) => [a, { ...e, urgentGround: undefined }, NOW],
  hasLawyer: (a, e) => [a, { ...e, lawyerId: undefined }, NOW],
  validTerminationGround: (a, e) => [a, { ...e, ground: 'bored' }, NOW],
  hasClosingReport: (a, e) => [a, { ...e, report: '' }, NOW],
  hasObjectionText: (a, e) => [a, { ...e, note: '' }, NOW],
  withinObjectionWindow: (a, e) => [
    { ...a, decided_at: '2026-01-01T00:00:00Z' },
    { ...e, objectionWindowDays: 15 },
    NOW,
  ],
  hasChangeReason: (a, e) => [a, { ...e, note: undefined }, NOW],
};

describe('workflow table', () => {
  it('has a failing case for every guard', () =>
    expect(Object.keys(BREAK).sort()).toEqual(Object.keys(GUARDS).sort()));

  for (const row of WORKFLOW) {
    for (const from of row.from) {
      it(`${from} --${row.event}--> ${target(row, from)}`, () => {
        const setup = (status: string) => setupFor(status, row.event);
        const r = transition(
          setup(from),
          passingEvent(row.event),
          actor(row.by[0]),
          nowFor(row.event),
        );
        expect(r).toMatchObject({ ok: true, from, next: target(row, from, setup(from)) });
        for (const p of ALL_PARTIES.filter((x) => !mayFire(x, row.by))) {
          const denied = transition(
            setup(from),
            passingEvent(row.event),
            actor(p),
            nowFor(row.event),
          );
          expect(denied).toMatchObject({ ok: false, code: 'not_allowed' });
          expect(can(setup(from), row.event, p)).toBe(false);
        }
        expect(can(setup(from), row.event, row.by[0])).toBe(true);
        for (const g of row.guards) {
          // Break just this guard, keep the rest of the payload valid.
          const [a, e, now] = BREAK[g]!(setup(from), passingEvent(row.event));
          const r2 = transition(a, e, actor(row.by[0]), now);
          expect(r2, g).toMatchObject({ ok: false, code: 'guard_failed' });
        }
      });
    }
  }

  it('refuses events that have no row for the current state', () => {
    const r = transition(setup('closed'), passingEvent('decide_grant'), actor('officer'), NOW);
    expect(r).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(availableEvents(setup('closed'), 'officer', NOW)).toEqual(['evaluate']);
  });

  it('a transferred application cannot be bounced back (no transfer row from transferred)', () => {
    const moved = transition(
      setupFor('received', 'transfer'),
      passingEvent('transfer'),
      actor('officer'),
      NOW,
    );
    expect(moved).toMatchObject({ ok: true, next: 'transferred', patch: { agency_id: 2 } });
    expect(
      transition(setup('transferred'), passingEvent('transfer'), actor('officer'), NOW),
    ).toMatchObject({ ok: false, code: 'invalid_transition' });
  });

  it('pauses the decision clock on 补正 and closes the pause on supplement', () => {
    const r = transition(
      setup('under_review'),
      passingEvent('request_supplement'),
      actor('officer'),
      NOW,
    );
    if (!r.ok) throw new Error(r.message);
    expect(JSON.parse(r.patch.pauses!)).toEqual([{ from: '2026-03-05', to: null }]);
    const back = transition(
      { ...setup('awaiting_supplement'), pauses: r.patch.pauses! },
      passingEvent('supplement'),
      actor('applicant'),
      new Date('2026-03-09T02:00:00Z'),
    );
    if (!back.ok) throw new Error(back.message);
    expect(JSON.parse(back.patch.pauses!)).toEqual([{ from: '2026-03-05', to: '2026-03-09' }]);
  });
});

describe('every path through the graph', () => {
  interface Edge {
    from: AidStatus;
    to: AidStatus;
    row: (typeof WORKFLOW)[number];
  }
  /**
   * Walks the table from a draft with transition() alone, carrying the record along, so a path goes on only
   * where the record's own guards let it (受理 only at the competent office, 恢复 only after a termination):
   * the paths are the ones a real case can take.
   */
  const paths: Edge[][] = [];
  const walk = (a: AidApplication, path: Edge[], seen: Set<AidStatus>) => {
    let extended = false;
    for (const row of WORKFLOW) {
      const from = a.status as AidStatus;
      if (row.to === SAME || !(row.from as readonly string[]).includes(from)) continue;
      const r = transition(a, passingEvent(row.event), actor(row.by[0]), nowFor(row.event));
      if (!r.ok || seen.has(r.next)) continue;
      extended = true;
      const next = { ...a, ...r.patch, status: r.next };
      walk(next, [...path, { from, to: r.next, row }], new Set([...seen, r.next]));
    }
    if (!extended) paths.push(path);
  };
  // Received at agency 1, competent agency 2: accepting needs the transfer (or a correction) first.
  walk(setupFor('draft', 'transfer'), [], new Set(['draft']));

  it('reaches every state from draft', () => {
    const reached = new Set(paths.flatMap((p) => p.map((e) => e.to)));
    for (const s of Object.keys(STATES).filter((s) => s !== 'draft'))
      expect(reached.has(s as AidStatus), s).toBe(true);
    expect(paths.length).toBeGreaterThan(20);
  });

  it('never accepts or decides at the office that only received the case', () => {
    const decisive = new Set(['accept', 'accept_tolerant', 'decide_grant', 'grant_urgent']);
    const decided = paths
      .map((p) => ({
        moved: p.findIndex((e) => ['transfer', 'correct_competence'].includes(e.row.event)),
        first: p.findIndex((e) => decisive.has(e.row.event)),
      }))
      .filter((x) => x.first >= 0);
    expect(decided.length).toBeGreaterThan(10);
    for (const x of decided) {
      expect(x.moved).toBeGreaterThanOrEqual(0);
      expect(x.moved).toBeLessThan(x.first);
    }
  });
});
