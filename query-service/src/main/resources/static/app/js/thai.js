// Thai wording of the API's problem details (RFC 9457): by problem type, and the fields people see on screens.
const TYPES = {
  'invalid-input': 'ข้อมูลไม่ถูกต้อง',
  'malformed-request': 'ข้อมูลที่ส่งมีรูปแบบไม่ถูกต้อง',
  'not-found': 'ไม่พบข้อมูลที่ต้องการ',
  'assessment-not-found': 'ไม่พบการประเมินนี้',
  'assessment-exists': 'มีการประเมินของหน่วยงานนี้ในปีงบประมาณนี้แล้ว',
  'assessment-submitted': 'ส่งการประเมินแล้ว จึงแก้ไขไม่ได้',
  'edit-conflict': 'มีผู้อื่นแก้ไขส่วนเดียวกันพร้อมกัน',
  'concurrent-modification': 'มีการแก้ไขพร้อมกัน กรุณาลองอีกครั้ง',
  'sections-not-approved': 'ยังมีหัวข้อที่ยังไม่อนุมัติ ต้องระบุเหตุผล',
  'text-too-long': 'ข้อความยาวเกินกำหนด',
  'request-too-large': 'ข้อมูลที่ส่งมีขนาดใหญ่เกินไป',
  'rate-limited': 'ส่งคำขอถี่เกินไป กรุณารอสักครู่',
  'storage-unavailable': 'ระบบจัดเก็บข้อมูลไม่พร้อมชั่วคราว จะลองใหม่',
  'unauthenticated': 'กรุณาเข้าสู่ระบบอีกครั้ง',
  'forbidden': 'คุณไม่มีสิทธิ์ทำรายการนี้',
  'rejected-request': 'คำขอไม่ถูกต้อง',
};

const BY_STATUS = {
  400: 'ข้อมูลไม่ถูกต้อง', 401: 'กรุณาเข้าสู่ระบบอีกครั้ง', 403: 'คุณไม่มีสิทธิ์ทำรายการนี้', 404: 'ไม่พบข้อมูลที่ต้องการ',
  409: 'ข้อมูลขัดแย้งกับสถานะปัจจุบัน', 413: 'ข้อมูลมีขนาดใหญ่เกินไป', 429: 'ส่งคำขอถี่เกินไป กรุณารอสักครู่',
  503: 'ระบบไม่พร้อมชั่วคราว',
};

export const FIELDS = {
  userId: 'รหัสผู้ใช้', name: 'ชื่อ', organization: 'รหัสหน่วยงาน', role: 'บทบาท',
  organizationCode: 'รหัสหน่วยงาน', organizationName: 'ชื่อหน่วยงาน', organizationType: 'ประเภทหน่วยงาน',
  fiscalYear: 'ปีงบประมาณ', catalogVersion: 'ฉบับเกณฑ์', text: 'ข้อความ', baseRevision: 'ฉบับที่แก้',
  level: 'ระดับ', score: 'คะแนน', rationale: 'เหตุผล', overrideReason: 'เหตุผลในการส่ง', reason: 'เหตุผล',
};

export const ROLES = { EDITOR: 'ผู้เขียน', LEAD: 'หัวหน้าทีม', FACILITATOR: 'ผู้ประสานงาน', ADMIN: 'ผู้ดูแลระบบ' };

/** The Thai sentence for a problem: its type's wording, the field at fault named, the server's detail kept after. */
export function problemInThai(status, problem) {
  const type = typeof problem?.type === 'string' ? problem.type.substring(problem.type.lastIndexOf('/') + 1) : '';
  let sentence = TYPES[type] || BY_STATUS[status] || 'เกิดข้อผิดพลาด (' + status + ')';
  if (problem?.field && FIELDS[problem.field]) {
    sentence += ': ' + FIELDS[problem.field];
  }
  return sentence;
}
