// Step-2's rating control: the level the team rates the sub-criterion at, a score inside that level's band (Basic
// 300–399, Advance 400–469, Significance 470–500, from the catalog), and the rationale. A score outside the band is
// refused here, before anything is sent, with the band named next to the field.
import { command } from './api.js';

/** The rating's state and actions, mixed into the worksheet (which has {@code catalog}, {@code criterionPath()}). */
export function ratingControl() {
  return {
    rating: { level: '', score: '', rationale: '' },
    ratingStored: null,
    ratingError: '',
    ratingField: null,
    ratingState: '',
    ratingDirty: false,

    /** Only leads rate (the API's RATE action); others see the rating without the means to change it. */
    mayRate() {
      return this.$store.session.person?.role === 'LEAD';
    },

    /** The band of a level ({min, max, nameThai, nameEnglish}), or null. */
    band(level) {
      return (this.catalog?.bands || []).find(b => b.level.toLowerCase() === String(level).toLowerCase()) || null;
    },

    bandText(level) {
      const band = this.band(level);
      return band ? band.nameEnglish + ' (' + band.nameThai + ') ' + band.min + '–' + band.max + ' คะแนน' : '';
    },

    /** The stored rating, from the report (live); the form follows it unless the person is changing it. */
    showRating(stored) {
      this.ratingStored = stored || null;
      if (!this.ratingDirty) {
        this.rating = stored
          ? { level: stored.level.toLowerCase(), score: String(stored.score), rationale: stored.rationale || '' }
          : { level: '', score: '', rationale: '' };
      }
    },

    ratingEdited() {
      this.ratingDirty = true;
      this.ratingState = '';
      this.ratingError = '';
      this.ratingField = null;
    },

    /** Null when the form may be sent; otherwise which field is wrong and why, in Thai. */
    ratingProblem() {
      if (!this.rating.level) {
        return { field: 'level', text: 'เลือกระดับก่อน' };
      }
      const band = this.band(this.rating.level);
      const text = String(this.rating.score).trim();
      const score = Number(text);
      if (text === '' || !/^[0-9]+$/.test(text) || !Number.isInteger(score)) {
        return { field: 'score', text: 'คะแนนเป็นจำนวนเต็มระหว่าง ' + band.min + '–' + band.max };
      }
      if (score < band.min || score > band.max) {
        return { field: 'score', text: 'คะแนนของระดับ ' + band.nameEnglish + ' ต้องอยู่ระหว่าง ' + band.min + '–'
                                       + band.max + ' (ได้ ' + score + ')' };
      }
      return null;
    },

    async saveRating() {
      const problem = this.ratingProblem();
      if (problem) {
        this.ratingError = problem.text;
        this.ratingField = problem.field;
        this.ratingState = 'refused';
        return;
      }
      this.ratingState = 'saving';
      try {
        await command('PUT', this.criterionPath() + '/rating', {
          body: { level: this.rating.level, score: Number(this.rating.score), rationale: this.rating.rationale },
        });
        this.ratingDirty = false;
        this.ratingState = 'saved';
      } catch (refused) {
        this.ratingError = refused.thai + (refused.detail ? ' — ' + refused.detail : '');
        this.ratingField = refused.field;
        this.ratingState = 'error';
      }
    },
  };
}
