export * from '../harness/block-kit-limits.ts';
