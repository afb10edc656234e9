// "@" in a comment box offers the people to mention. The API has no list of an organization's people (tokens name
// them; nothing stores who belongs where), so the page offers whom it knows: who is here now (presence), who wrote
// a comment or a text it has loaded, and ids already mentioned. Chosen with the arrow keys and Enter (or Tab, or a
// click); Escape closes the list. The list is a listbox the box points to with aria-activedescendant.

/** The "@word" being typed just before the caret, or null: the same id characters the server's Mentions reads. */
export function mentionAt(text, caret) {
  const found = /(?:^|[^A-Za-z0-9._-])@([A-Za-z0-9._-]*)$/.exec(text.substring(0, caret));
  return found ? { query: found[1], start: caret - found[1].length - 1 } : null;
}

const MAX_OFFERED = 8;

/** Mixed into commentThreads (comments.js); {@code peopleSeen()} of the view adds the authors of its texts. */
export function mentionPicker() {
  return {
    mention: null, // {box, query, start, end, items: [{userId, name}], active}

    /** Everyone the page knows of, by user id, with a name where one is known; the signed-in person last. */
    knownPeople() {
      const byId = new Map();
      const add = (userId, name) => {
        if (userId && (!byId.has(userId) || (!byId.get(userId).name && name))) {
          byId.set(userId, { userId, name: name || '' });
        }
      };
      (this.people || []).forEach(p => add(p.userId, p.name));
      this.threads.forEach(t => {
        t.comments.forEach(c => add(c.author?.userId, c.author?.name));
        (t.mentions || []).forEach(id => add(id, ''));
      });
      (this.peopleSeen?.() || []).forEach(a => add(a?.userId, a?.name));
      const me = this.$store.session.person?.userId;
      return [...byId.values()].sort((a, b) => (a.userId === me) - (b.userId === me));
    },

    /** On input in a comment box ({@code box}: 'new' or a thread id): opens, narrows or closes the list. */
    mentionInput(event, box) {
      const field = event.target;
      const at = mentionAt(field.value, field.selectionStart);
      if (!at) {
        this.mention = null;
        return;
      }
      const query = at.query.toLowerCase();
      const items = this.knownPeople()
        .filter(p => p.userId.toLowerCase().startsWith(query) || p.name.toLowerCase().includes(query))
        .slice(0, MAX_OFFERED);
      this.mention = items.length
        ? { box, query: at.query, start: at.start, end: field.selectionStart, items, active: 0 }
        : null;
    },

    mentionOpen(box) {
      return this.mention?.box === box;
    },

    mentionOptionId(box, i) {
      return 'mention-' + box + '-' + i;
    },

    /** The option the box points to (aria-activedescendant), or nothing while the list is closed. */
    mentionActive(box) {
      return this.mentionOpen(box) ? this.mentionOptionId(box, this.mention.active) : null;
    },

    /** Arrow keys move in the list, Enter or Tab take the person, Escape closes it; other keys type. */
    mentionKeys(event, box) {
      if (!this.mentionOpen(box)) {
        return;
      }
      const count = this.mention.items.length;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        this.mention.active = (this.mention.active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
      } else if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        this.chooseMention(event.target, this.mention.items[this.mention.active]);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        this.mention = null;
      }
    },

    /** Puts "@user-id " where the "@word" was, into the box's model too, and the caret after it. */
    chooseMention(field, person) {
      const { box, start, end } = this.mention;
      const text = field.value.substring(0, start) + '@' + person.userId + ' ' + field.value.substring(end);
      const caret = start + person.userId.length + 2;
      if (box === 'new') {
        this.newThread.text = text;
      } else {
        this.replies[box] = text;
      }
      field.value = text;
      field.setSelectionRange(caret, caret);
      field.focus();
      this.mention = null;
    },

    mentionLabel(person) {
      return person.name ? person.name + ' (@' + person.userId + ')' : '@' + person.userId;
    },
  };
}
