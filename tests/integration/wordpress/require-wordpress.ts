import { beforeAll, inject } from 'vitest';

// Runs before each MetaWeblog test file: without the test WordPress, every test of the file fails
// with the sentence that says why, before any of the file's own hooks run.
const failure = inject('wordpressFailure');
if (failure !== undefined) {
  beforeAll(() => {
    throw new Error(failure);
  });
}
