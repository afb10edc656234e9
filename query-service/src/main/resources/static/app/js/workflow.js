// The review workflow of one section (a sub-criterion or the OP): writers ask for review, leads approve or reopen
// with a reason. Buttons a role may not use are not shown; a 403 reached anyway is said plainly.
import { command } from './api.js';

const WORKFLOW = { DRAFTING: 'กำลังร่าง', READY_FOR_REVIEW: 'รอตรวจทาน', APPROVED: 'อนุมัติแล้ว', REOPENED: 'เปิดแก้ไขอีกครั้ง' };

/** Mixed into a view with {@code workflowSection()} ("1.1" or "profile") and {@code workflowState()}. */
export function workflowButtons() {
  return {
    reopenReason: '',
    workflowError: '',
    workflowBusy: false,

    role() {
      return this.$store.session.person?.role || '';
    },

    workflowName(state) {
      return WORKFLOW[state] || state || '';
    },

    mayAskForReview() {
      return ['EDITOR', 'LEAD'].includes(this.role()) && ['DRAFTING', 'REOPENED'].includes(this.workflowState());
    },

    mayApprove() {
      return this.role() === 'LEAD' && this.workflowState() === 'READY_FOR_REVIEW';
    },

    mayReopen() {
      return this.role() === 'LEAD' && ['READY_FOR_REVIEW', 'APPROVED'].includes(this.workflowState());
    },

    async moveSection(step) {
      this.workflowError = '';
      if (step === 'reopen' && !this.reopenReason.trim()) {
        this.workflowError = 'ระบุเหตุผลที่เปิดให้แก้ไขอีกครั้ง';
        return;
      }
      this.workflowBusy = true;
      try {
        await command('POST', this.assessmentPath() + '/workflow/' + encodeURIComponent(this.workflowSection()) + '/' + step,
                      step === 'reopen' ? { body: { reason: this.reopenReason } } : {});
        this.reopenReason = '';
      } catch (refused) {
        this.workflowError = refused.status === 403 ? 'คุณไม่มีสิทธิ์ทำรายการนี้ (' + (refused.detail || '403') + ')'
                                                    : refused.thai + (refused.detail ? ' — ' + refused.detail : '');
      } finally {
        this.workflowBusy = false;
      }
    },
  };
}
