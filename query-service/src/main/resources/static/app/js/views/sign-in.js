// The sign-in page: a demo person with the development key, or the organization's OIDC login.
import { Alpine } from '../alpine.js';
import { settings } from '../api.js';
import { rememberedPerson, signInAsDemoPerson, startOidc } from '../auth.js';
import { navigate } from '../router.js';
import { ROLES } from '../thai.js';

const DEMOS = [
  { userId: 'lead-kkn', name: 'สมศรี ใจดี', organization: 'KKN', role: 'LEAD' },
  { userId: 'editor-kkn', name: 'ประเสริฐ มั่นคง', organization: 'KKN', role: 'EDITOR' },
  { userId: 'editor-cmi', name: 'Anan Srisuk', organization: 'CMI', role: 'EDITOR' },
  { userId: 'facilitator', name: 'วิภา ผู้ประสาน', organization: '', role: 'FACILITATOR' },
];

Alpine.data('signIn', () => ({
  mode: settings().authMode,
  demos: DEMOS,
  person: rememberedPerson() || { userId: '', name: '', organization: '', role: 'EDITOR' },
  error: '',
  field: null,
  busy: false,

  roleName(role) {
    return ROLES[role] || role;
  },

  /** "name (role organization)", or "name (role)" for someone of no organization (a facilitator). */
  demoLabel(demo) {
    return demo.name + ' (' + [this.roleName(demo.role), demo.organization].filter(Boolean).join(' ') + ')';
  },

  pick(demo) {
    this.person = { ...demo };
  },

  next() {
    const next = this.$store.route.query.next;
    // only a path of this app: never an absolute URL someone put in the link
    return next && next.startsWith('/app/') && !next.startsWith('//') ? next : '/app/';
  },

  async submit() {
    this.busy = true;
    this.error = '';
    this.field = null;
    const person = { ...this.person, organization: (this.person.organization || '').trim() || null };
    try {
      await signInAsDemoPerson(person);
      navigate(this.next(), { replace: true });
    } catch (refused) {
      this.error = refused.thai + (refused.detail ? ' — ' + refused.detail : '');
      this.field = refused.field;
    } finally {
      this.busy = false;
    }
  },

  oidc() {
    return startOidc(this.next());
  },
}));
