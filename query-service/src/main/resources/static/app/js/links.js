// Step-1's links: the OP items (of the 29) and category 7 indicator groups a sub-criterion refers to, with the
// catalog's suggestions (GET …/links/suggested) marked and listed first. A change is saved at once.
import { command, query } from './api.js';

export function linksPicker() {
  return {
    suggested: { profileItems: [], indicatorGroups: [] },
    linked: { profileItems: [], indicatorGroups: [] },
    linksState: '',
    linksError: '',

    async loadSuggestions() {
      try {
        const answer = (await query('GET', this.criterionPath() + '/links/suggested')).body;
        this.suggested = {
          profileItems: answer.profileItems.map(i => i.number),
          indicatorGroups: answer.indicatorGroups.map(g => g.id),
        };
      } catch (ignored) {
        // without suggestions every item is still listed
      }
    },

    /** The links as stored (live), unless a save of ours is on its way. */
    showLinks(content) {
      if (this.linksState !== 'saving') {
        this.linked = {
          profileItems: content.profileItems.map(i => i.number),
          indicatorGroups: content.indicatorGroups.map(g => g.id),
        };
      }
    },

    /** Suggested first (in the seed's order), then the rest in catalog order. */
    profileChoices() {
      const all = this.catalog.profileItems;
      const first = this.suggested.profileItems.map(n => all.find(i => i.number === n)).filter(Boolean);
      return [...first, ...all.filter(i => !this.suggested.profileItems.includes(i.number))];
    },

    indicatorChoices() {
      const all = this.catalog.indicatorGroups;
      const first = this.suggested.indicatorGroups.map(id => all.find(g => g.id === id)).filter(Boolean);
      return [...first, ...all.filter(g => !this.suggested.indicatorGroups.includes(g.id))];
    },

    isSuggested(kind, key) {
      return this.suggested[kind].includes(key);
    },

    async toggleLink(kind, key, on) {
      const list = this.linked[kind].filter(k => k !== key);
      if (on) {
        list.push(key);
      }
      this.linked[kind] = list;
      this.linksState = 'saving';
      this.linksError = '';
      try {
        await command('PUT', this.criterionPath() + '/links', {
          body: { profileItems: this.linked.profileItems, indicatorGroups: this.linked.indicatorGroups },
        });
        this.linksState = 'saved';
      } catch (refused) {
        this.linksState = 'error';
        this.linksError = refused.thai + (refused.detail ? ' — ' + refused.detail : '');
      }
    },
  };
}
