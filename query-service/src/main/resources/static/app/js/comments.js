// Comment threads on the sections of one view (a sub-criterion's texts, or the OP's): start one, reply, resolve
// and reopen, "@user-id" mentions (offered as one types, mentions.js); live from the comments stream.
import { command } from './api.js';
import { openStream } from './stream.js';
import { mentionPicker } from './mentions.js';

/** Mixed into a view with {@code assessmentPath()} and {@code commentSections()} ([{section, label}]). */
export function commentThreads() {
  return {
    ...mentionPicker(),
    threads: [],
    newThread: { section: '', text: '' },
    replies: {},
    commentsError: '',

    /** Starts reading the assessment's threads; returns the stream to close with the view. */
    followComments(prefix) {
      this.commentPrefix = prefix;
      return openStream(this.assessmentPath() + '/comments/stream', {
        onEvent: e => {
          if (e.event === 'threads') {
            this.threads = e.data.threads.filter(t => this.ours(t));
          } else if (e.event === 'thread' && this.ours(e.data)) {
            this.threads = [...this.threads.filter(t => t.threadId !== e.data.threadId), e.data]
              .sort((a, b) => a.startPosition - b.startPosition);
          }
        },
      });
    },

    ours(thread) {
      return thread.section === this.commentPrefix || thread.section.startsWith(this.commentPrefix + '/');
    },

    openCount(section) {
      return this.threads.filter(t => t.section === section && t.status === 'OPEN').length;
    },

    async startThread() {
      this.commentsError = '';
      try {
        await command('POST', this.assessmentPath() + '/comments', {
          body: { section: this.newThread.section || this.commentSections()[0].section, text: this.newThread.text },
        });
        this.newThread.text = '';
      } catch (refused) {
        this.commentsError = refused.thai + (refused.detail ? ' — ' + refused.detail : '');
      }
    },

    async reply(thread) {
      this.commentsError = '';
      try {
        await command('POST', this.assessmentPath() + '/comments/' + encodeURIComponent(thread.threadId) + '/replies', {
          body: { text: this.replies[thread.threadId] || '' },
        });
        this.replies[thread.threadId] = '';
      } catch (refused) {
        this.commentsError = refused.thai + (refused.detail ? ' — ' + refused.detail : '');
      }
    },

    async setResolved(thread, resolved) {
      this.commentsError = '';
      try {
        await command('POST', this.assessmentPath() + '/comments/' + encodeURIComponent(thread.threadId)
                              + (resolved ? '/resolve' : '/reopen'));
      } catch (refused) {
        this.commentsError = refused.thai + (refused.detail ? ' — ' + refused.detail : '');
      }
    },

    sectionLabel(section) {
      return this.commentSections().find(s => s.section === section)?.label || section;
    },

    when(at) {
      return at ? new Date(at).toLocaleString('th-TH', { dateStyle: 'medium', timeStyle: 'short' }) : '';
    },
  };
}
