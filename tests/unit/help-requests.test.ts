// The help-request rules: the status flow, due dates and overdue, and the contact a business leaves.
import { describe, expect, it } from 'vitest';
import {
  checkHelpTransition,
  dueDateProblem,
  HelpContactSchema,
  HELP_STATUSES,
  HELP_TRANSITIONS,
  isCalendarDate,
  isHelpOverdue,
  nextHelpStatuses,
  type HelpStatus,
} from '#src/domain/help-requests.ts';
import { HELP_STATUS_NAMES } from '#src/i18n/labels.ts';
import { formatDateVi, vietnamDay } from '#src/domain/time.ts';

describe('status flow: mới → đã liên hệ → đang hỗ trợ → đã xong / không liên lạc được', () => {
  it.each([
    ['new', 'contacted'],
    ['new', 'unreachable'],
    ['contacted', 'in_progress'],
    ['contacted', 'done'],
    ['contacted', 'unreachable'],
    ['in_progress', 'done'],
    ['in_progress', 'unreachable'],
    ['unreachable', 'contacted'],
  ] as [HelpStatus, HelpStatus][])('%s → %s is allowed', (from, to) => {
    expect(checkHelpTransition(from, to)).toEqual({ ok: true, changed: true });
  });

  it.each([
    ['new', 'in_progress'],
    ['new', 'done'],
    ['contacted', 'new'],
    ['in_progress', 'new'],
    ['in_progress', 'contacted'],
    ['unreachable', 'done'],
    ['unreachable', 'in_progress'],
    ['done', 'new'],
    ['done', 'contacted'],
    ['done', 'in_progress'],
    ['done', 'unreachable'],
  ] as [HelpStatus, HelpStatus][])('%s → %s is refused with a Vietnamese / English reason', (from, to) => {
    const check = checkHelpTransition(from, to);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const [vi, en] = check.message.split(' / ');
    expect(vi).toContain(HELP_STATUS_NAMES[from]!.vi);
    expect(vi).toContain(HELP_STATUS_NAMES[to]!.vi);
    expect(en).toContain(HELP_STATUS_NAMES[to]!.en);
  });

  it('a finished request says to open a new one; others name the steps that are possible', () => {
    const done = checkHelpTransition('done', 'contacted');
    expect(!done.ok && done.message).toMatch(/tạo yêu cầu mới.* \/ .*open a new request/);
    const early = checkHelpTransition('new', 'done');
    expect(!early.ok && early.message).toContain('“Đã liên hệ”, “Không liên lạc được”');
  });

  it('staying in the same status is allowed and is no status change (note, assignee, due date only)', () => {
    for (const s of HELP_STATUSES) expect(checkHelpTransition(s, s)).toEqual({ ok: true, changed: false });
  });

  it('properties: nothing goes back to "new", "done" is final, every status is reachable from "new", the labels cover every status', () => {
    for (const from of HELP_STATUSES) {
      expect(nextHelpStatuses(from)).not.toContain('new');
      expect(nextHelpStatuses(from)).not.toContain(from);
      for (const to of HELP_STATUSES) expect(checkHelpTransition(from, to).ok).toBe(from === to || HELP_TRANSITIONS[from].includes(to));
      expect(HELP_STATUS_NAMES[from]).toBeDefined();
    }
    expect(nextHelpStatuses('done')).toEqual([]);
    const reached = new Set<HelpStatus>(['new']);
    for (let grew = true; grew;) {
      grew = false;
      for (const s of [...reached]) for (const n of nextHelpStatuses(s)) if (!reached.has(n)) (reached.add(n), (grew = true));
    }
    expect([...reached].sort()).toEqual([...HELP_STATUSES].sort());
  });
});

describe('due dates', () => {
  it('a day in Vietnam: 23:30 UTC is already the next day there', () => {
    expect(vietnamDay(new Date('2026-11-30T16:59:59Z'))).toBe('2026-11-30');
    expect(vietnamDay(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01');
    expect(formatDateVi('2026-12-01')).toBe('01/12/2026');
  });

  it('only real calendar days', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('1/12/2026')).toBe(false);
  });

  it('a new due date may be today or later, never in the past', () => {
    expect(dueDateProblem('2026-11-30', '2026-11-30')).toBeNull();
    expect(dueDateProblem('2026-12-15', '2026-11-30')).toBeNull();
    expect(dueDateProblem('2026-11-29', '2026-11-30')).toMatch(/trước hôm nay \/ .*before today/);
    expect(dueDateProblem('2026-02-30', '2026-01-01')).toMatch(/không phải một ngày hợp lệ/);
  });

  it('overdue from the day after the due date, and only while the request is open', () => {
    expect(isHelpOverdue({ status: 'contacted', dueDate: '2026-11-30' }, '2026-11-30')).toBe(false);
    expect(isHelpOverdue({ status: 'contacted', dueDate: '2026-11-29' }, '2026-11-30')).toBe(true);
    expect(isHelpOverdue({ status: 'unreachable', dueDate: '2026-11-01' }, '2026-11-30')).toBe(true);
    expect(isHelpOverdue({ status: 'done', dueDate: '2026-11-01' }, '2026-11-30')).toBe(false);
    expect(isHelpOverdue({ status: 'new', dueDate: null }, '2026-11-30')).toBe(false);
  });
});

describe('the contact a business leaves (with its agreement)', () => {
  const parse = (input: Record<string, string | undefined>) => HelpContactSchema.safeParse(input);
  const messages = (input: Record<string, string | undefined>) => {
    const r = parse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('no contact at all is fine: the request is kept without one', () => {
    expect(parse({}).data).toBeNull();
    expect(parse({ contactValue: '   ' }).data).toBeNull();
  });

  it('a phone or Zalo number is stored normalised, an e-mail lower-cased', () => {
    expect(parse({ contactMethod: 'phone', contactValue: '0912 345 678', contactConsent: 'yes' }).data).toEqual({
      method: 'phone',
      value: '+84912345678',
    });
    expect(parse({ contactMethod: 'zalo', contactValue: '+84 0987.654.321', contactConsent: 'yes' }).data).toEqual({
      method: 'zalo',
      value: '+84987654321',
    });
    expect(parse({ contactMethod: 'email', contactValue: ' Chu.Tiem@Example.VN ', contactConsent: 'yes' }).data).toEqual({
      method: 'email',
      value: 'chu.tiem@example.vn',
    });
  });

  it('a contact without the agreement is refused, not silently dropped', () => {
    expect(messages({ contactMethod: 'phone', contactValue: '0912345678' })).toEqual([
      expect.stringMatching(/^contactConsent: Vui lòng đánh dấu đồng ý.* \/ Please tick the agreement/),
    ]);
  });

  it('each half without the other, a wrong number or address, an unknown method: a field error in both languages', () => {
    expect(messages({ contactValue: '0912345678', contactConsent: 'yes' })[0]).toMatch(
      /^contactMethod: Vui lòng chọn cách liên hệ.* \/ Please choose/,
    );
    expect(messages({ contactMethod: 'email', contactConsent: 'yes' })[0]).toMatch(/^contactValue: Vui lòng nhập địa chỉ e-mail/);
    expect(messages({ contactMethod: 'zalo', contactValue: '0241 234 5678', contactConsent: 'yes' })[0]).toMatch(
      /^contactValue: Đây là số máy bàn.* \/ This is a landline/,
    );
    expect(messages({ contactMethod: 'phone', contactValue: 'ten@example.com', contactConsent: 'yes' })[0]).toMatch(
      /^contactValue: Số điện thoại di động gồm 10 chữ số/,
    );
    expect(messages({ contactMethod: 'email', contactValue: 'khong-phai-email', contactConsent: 'yes' })[0]).toMatch(
      /^contactValue: Địa chỉ e-mail không hợp lệ .* \/ The e-mail address is not valid/,
    );
    expect(messages({ contactMethod: 'fax', contactValue: '0912345678', contactConsent: 'yes' })[0]).toMatch(
      /^contactMethod: Cách liên hệ không hợp lệ \/ Unknown contact method/,
    );
  });
});
