import type { TestProject } from 'vitest/node';
import { startWordPress, stopWordPress, type WordPressPeer } from '../../support/wordpress/wordpress-peer';

declare module 'vitest' {
  export interface ProvidedContext {
    wordpress: WordPressPeer;
  }
}

/** One real WordPress for the MetaWeblog tests: started before them, stopped after. */
export default function setup(project: TestProject) {
  project.provide('wordpress', startWordPress());
  return () => stopWordPress();
}
