import type { TestProject } from 'vitest/node';
import { startWordPress, stopWordPress, type WordPressPeer } from '../../support/wordpress/wordpress-peer';

declare module 'vitest' {
  export interface ProvidedContext {
    wordpress: WordPressPeer;
    /** Why the test WordPress could not start; require-wordpress.ts fails every MetaWeblog test with it. */
    wordpressFailure: string | undefined;
  }
}

/** Where the blog would be: the tests' hooks may name it before the failure stops them. */
const NOWHERE: WordPressPeer = {
  WP_URL: 'http://127.0.0.1:9',
  WP_ENDPOINT: 'http://127.0.0.1:9/xmlrpc.php',
  WP_BLOG_ID: '1',
  WP_USER: '',
  WP_PASSWORD: '',
  WP_APP_PASSWORD: '',
  WP_REST: 'http://127.0.0.1:9/wp-json/',
  WP_DIR: '',
};

/**
 * One real WordPress for the MetaWeblog tests: started before them, stopped after. A WordPress that
 * cannot start fails these tests with its reason; it never stops the rest of the run.
 */
export default function setup(project: TestProject) {
  try {
    project.provide('wordpress', startWordPress());
    project.provide('wordpressFailure', undefined);
  } catch (error) {
    project.provide('wordpress', NOWHERE);
    project.provide('wordpressFailure', (error as Error).message);
  }
  return () => stopWordPress();
}
