#!/usr/bin/env node
// The `opendimos` command. The sources are TypeScript; tsx compiles them on load so that a fresh clone runs
// with `npm install` alone, without a separate build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
