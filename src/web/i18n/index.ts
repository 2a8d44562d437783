// The messages of a language.
import type { Lang } from '../lang.ts';
import type { Messages } from './el.ts';
import { el } from './el.ts';
import { en } from './en.ts';

export type { Messages } from './el.ts';

export const messagesOf = (lang: Lang): Messages => (lang === 'el' ? el : en);
