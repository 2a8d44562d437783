// Types of boundaries.js for the tests that run it (ESLint loads the JavaScript itself).
import type { ESLint, Rule } from 'eslint';

export declare const boundaries: Rule.RuleModule;
export declare const boundariesPlugin: ESLint.Plugin;
