#!/usr/bin/env node
// Entry point of `npx rubric`: loads the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../cli/cli.ts');
