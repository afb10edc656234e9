// The lag banner's part of the dashboard component: from the projection's status the dashboard carries (facilitators
// and admins), then GET /api/admin/projections every few seconds, how far the read side is behind and, while a
// rebuild runs, how far it has come.
import { query } from './api.js';

const POLL_MS = 5000;

export function projectionLag() {
  return {
    projection: null,
    lagTimer: null,

    /** Follows the status while the page is shown; nothing for people who are not given it. */
    followProjection(status) {
      this.projection = status || null;
      clearInterval(this.lagTimer);
      if (!status) {
        return;
      }
      this.lagTimer = setInterval(async () => {
        try {
          this.projection = (await query('GET', '/api/admin/projections', { retry: false })).body;
        } catch (ignored) {
          // the banner keeps the last status; the next poll tries again
        }
      }, POLL_MS);
    },

    stopProjection() {
      clearInterval(this.lagTimer);
    },

    rebuildRunning() {
      const rebuild = this.projection?.lastRebuild;
      return Boolean(rebuild && !rebuild.done);
    },

    lagging() {
      const p = this.projection;
      return Boolean(p && (this.rebuildRunning() || p.failing || (!p.caughtUp && p.lag > 0)));
    },

    lagText() {
      const p = this.projection;
      if (!p) {
        return '';
      }
      if (this.rebuildRunning()) {
        const r = p.lastRebuild;
        return 'กำลังสร้างข้อมูลสรุปใหม่: ' + r.processed.toLocaleString('th-TH') + ' จาก '
               + r.total.toLocaleString('th-TH') + ' เหตุการณ์ ตัวเลขบนหน้านี้อาจยังไม่ครบ';
      }
      const behind = 'ข้อมูลบนแดชบอร์ดตามหลังอยู่ ' + p.lag.toLocaleString('th-TH') + ' เหตุการณ์ (ถึงตำแหน่ง '
                     + p.position.toLocaleString('th-TH') + ' จาก ' + p.head.toLocaleString('th-TH') + ')';
      return p.failing ? behind + ' — การประมวลผลติดข้อผิดพลาด' : behind;
    },
  };
}
