/**
 * Help requests ("Nhờ cán bộ hướng dẫn"): the status flow staff move a request along, how a
 * business may be contacted, and due dates. Pure: no database, no clock ("today" is passed in).
 */
import { z } from 'zod';
import { parsePhone, PHONE_MESSAGES } from '#src/domain/identity/phone.ts';

export const HELP_STATUSES = ['new', 'contacted', 'in_progress', 'done', 'unreachable'] as const;
export type HelpStatus = (typeof HELP_STATUSES)[number];

/**
 * mới → đã liên hệ → đang hỗ trợ → đã xong / không liên lạc được.
 * - A first call may already settle the request (contacted → done), or fail (new → unreachable).
 * - "Không liên lạc được" is not the end: a business reached later goes back to "đã liên hệ".
 * - "Đã xong" is final; a business that needs more help asks again (a new request keeps each
 *   request's history readable).
 */
export const HELP_TRANSITIONS: Readonly<Record<HelpStatus, readonly HelpStatus[]>> = {
  new: ['contacted', 'unreachable'],
  contacted: ['in_progress', 'done', 'unreachable'],
  in_progress: ['done', 'unreachable'],
  unreachable: ['contacted'],
  done: [],
};

export function isHelpStatus(value: unknown): value is HelpStatus {
  return typeof value === 'string' && (HELP_STATUSES as readonly string[]).includes(value);
}

/** Statuses a request in `from` may move to (not counting staying where it is). */
export function nextHelpStatuses(from: HelpStatus): readonly HelpStatus[] {
  return HELP_TRANSITIONS[from];
}

/** Open requests still need work: they can be overdue and they come first on the worklist. */
export function isOpenHelpStatus(status: HelpStatus): boolean {
  return status !== 'done';
}

export type TransitionCheck = { ok: true; changed: boolean } | { ok: false; message: string };

const STATUS_WORDS: Record<HelpStatus, { vi: string; en: string }> = {
  new: { vi: 'Mới', en: 'New' },
  contacted: { vi: 'Đã liên hệ', en: 'Contacted' },
  in_progress: { vi: 'Đang hỗ trợ', en: 'Being helped' },
  done: { vi: 'Đã xong', en: 'Done' },
  unreachable: { vi: 'Không liên lạc được', en: 'Could not be reached' },
};

/** Whether a request may go from one status to another; the refusal says why, "Tiếng Việt / English". */
export function checkHelpTransition(from: HelpStatus, to: HelpStatus): TransitionCheck {
  if (from === to) return { ok: true, changed: false };
  if (HELP_TRANSITIONS[from].includes(to)) return { ok: true, changed: true };
  const allowed = HELP_TRANSITIONS[from];
  const vi = allowed.length
    ? `Không thể chuyển từ “${STATUS_WORDS[from].vi}” sang “${STATUS_WORDS[to].vi}”. Bước tiếp theo có thể là: ${allowed.map((s) => `“${STATUS_WORDS[s].vi}”`).join(', ')}.`
    : `Yêu cầu đã ở trạng thái “${STATUS_WORDS[from].vi}”, không thể chuyển sang “${STATUS_WORDS[to].vi}”. Nếu doanh nghiệp cần thêm hỗ trợ, hãy tạo yêu cầu mới.`;
  const en = allowed.length
    ? `A request cannot go from “${STATUS_WORDS[from].en}” to “${STATUS_WORDS[to].en}”. Next it can be: ${allowed.map((s) => `“${STATUS_WORDS[s].en}”`).join(', ')}.`
    : `The request is “${STATUS_WORDS[from].en}” and cannot go to “${STATUS_WORDS[to].en}”. If the business needs more help, open a new request.`;
  return { ok: false, message: `${vi} / ${en}` };
}

/** A calendar date, "YYYY-MM-DD", that exists (no 31 February). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * An open request is overdue from the day after its due date (due "today" is not late yet).
 * Dates compare as strings because both are "YYYY-MM-DD" in Vietnam's calendar.
 */
export function isHelpOverdue(request: { status: HelpStatus; dueDate: string | null }, today: string): boolean {
  return request.dueDate !== null && isOpenHelpStatus(request.status) && request.dueDate < today;
}

/**
 * A due date being set (not one kept unchanged) must not lie in the past: a request born
 * overdue helps nobody plan. Returns the refusal, "Tiếng Việt / English", or null.
 */
export function dueDateProblem(due: string, today: string): string | null {
  if (!isCalendarDate(due)) return 'Hạn xử lý không phải một ngày hợp lệ / The due date is not a valid date';
  if (due < today) return 'Hạn xử lý không được trước hôm nay / The due date cannot be before today';
  return null;
}

export const CONTACT_METHODS = ['phone', 'email', 'zalo'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export type HelpContact = { method: ContactMethod; value: string };

const CONTACT_MAX = 254;

/**
 * How the business wants to be called back, and its explicit agreement that the officers and
 * helpers of its commune see it. Every field is optional: a request without a contact is still
 * a request (staff then reach the business through the portal). A contact typed without the
 * agreement is refused rather than dropped, so nobody believes they left a number that was
 * never stored; and nothing is kept without the agreement.
 */
export const HelpContactSchema = z
  .object({
    contactMethod: z.enum(CONTACT_METHODS, { error: 'Cách liên hệ không hợp lệ / Unknown contact method' }).optional(),
    contactValue: z
      .string()
      .max(CONTACT_MAX, `Thông tin liên hệ tối đa ${CONTACT_MAX} ký tự / Contact details are at most ${CONTACT_MAX} characters`)
      .transform((s) => s.normalize('NFC').trim())
      .optional(),
    contactConsent: z.literal('yes', { error: 'Giá trị đồng ý không hợp lệ / Invalid consent value' }).optional(),
  })
  .transform((input, ctx): HelpContact | null => {
    const value = input.contactValue || undefined;
    const method = input.contactMethod;
    if (!method && !value) return null;
    if (!method) {
      ctx.issues.push({
        code: 'custom',
        path: ['contactMethod'],
        message: 'Vui lòng chọn cách liên hệ: điện thoại, e-mail hoặc Zalo / Please choose how to be contacted: phone, e-mail or Zalo',
        input: input.contactMethod,
      });
      return z.NEVER;
    }
    if (!value) {
      ctx.issues.push({
        code: 'custom',
        path: ['contactValue'],
        message:
          method === 'email'
            ? 'Vui lòng nhập địa chỉ e-mail để cán bộ liên hệ / Please enter the e-mail address to be contacted at'
            : 'Vui lòng nhập số điện thoại để cán bộ liên hệ / Please enter the phone number to be contacted at',
        input: value,
      });
      return z.NEVER;
    }
    let normalised: string;
    if (method === 'email') {
      const email = value.toLowerCase();
      if (!z.email().safeParse(email).success) {
        ctx.issues.push({
          code: 'custom',
          path: ['contactValue'],
          message: 'Địa chỉ e-mail không hợp lệ (ví dụ ten@example.com) / The e-mail address is not valid (e.g. name@example.com)',
          input: value,
        });
        return z.NEVER;
      }
      normalised = email;
    } else {
      const phone = parsePhone(value);
      if (!phone.ok) {
        const m = PHONE_MESSAGES[phone.reason];
        ctx.issues.push({ code: 'custom', path: ['contactValue'], message: `${m.vi} / ${m.en}`, input: value });
        return z.NEVER;
      }
      normalised = phone.value;
    }
    if (input.contactConsent !== 'yes') {
      ctx.issues.push({
        code: 'custom',
        path: ['contactConsent'],
        message:
          'Vui lòng đánh dấu đồng ý để cán bộ xã/phường được xem thông tin liên hệ này, hoặc để trống ô liên hệ / Please tick the agreement that the commune’s officers may see these contact details, or leave the contact empty',
        input: input.contactConsent,
      });
      return z.NEVER;
    }
    return { method, value: normalised };
  });
