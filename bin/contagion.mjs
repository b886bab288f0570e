#!/usr/bin/env node
// Entry point of the `contagion` CLI. The sources are TypeScript run through tsx's loader, so
// `npx contagion …` works straight from a clone with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
