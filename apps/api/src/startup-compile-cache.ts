import cluster from 'node:cluster';
import { join } from 'node:path';
import { useCompileCache } from './compile-cache';

/**
 * The compile cache of this `npm start` process (compile-cache.ts), installed as main.ts imports
 * this file, first of all, so that it serves every module loaded after it. The primary and the
 * API processes each have their own (they load different modules). Kept beside the build, in
 * apps/api/dist/.compile-cache (a new build leaves it, its entries check their files' content);
 * PARVIS_COMPILE_CACHE names another folder, or `off`.
 */
export const startupCompileCache =
  process.env.PARVIS_COMPILE_CACHE === 'off'
    ? null
    : useCompileCache(
        process.env.PARVIS_COMPILE_CACHE || join(__dirname, '.compile-cache'),
        cluster.isWorker ? 'api-process' : 'primary',
      );
