#!/usr/bin/env node
// The `toonbank` command: runs the TypeScript sources through tsx's loader (no separate build step to forget).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
