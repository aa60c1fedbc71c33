import { describe, expect, it } from 'vitest';
import { resolveLocation, withQuery } from '../../main/core/publish/micropub/endpoint-url';
import { readHEvent } from '../../main/core/publish/micropub/h-event-markup';
import { failureFromResponse, readBodyError } from '../../main/core/publish/micropub/micropub-errors';
import { difference } from '../../main/core/publish/micropub/update-difference';
import { parseConfig, parseSource } from '../../main/core/publish/micropub/micropub-responses';
import { editWarning, grantSentence, grantSummary } from '../../shared/publish/micropub-scope';
import {
  bodyImages,
  onlyParagraphs,
  plainText,
  toMicropubCreate,
  withoutImages,
  type MicropubPostInput,
} from '../../main/core/publish/micropub/post-mapping';
import { formFields } from '../../main/core/publish/micropub/request-body';
import { challengeOf } from '../../main/core/publish/indieauth/pkce';

const base: MicropubPostInput = {
  kind: 'article',
  format: 'json',
  title: 'Title',
  html: '<p>Body</p>',
  slug: '',
  excerpt: '',
  categories: [],
  publishAt: null,
  status: null,
  photos: [],
  files: [],
  syndicateTo: [],
};

describe('mapping a draft onto Micropub', () => {
  it('writes an article as JSON properties, every value a list', () => {
    const post = toMicropubCreate({
      ...base,
      slug: 'my-post',
      excerpt: 'Short',
      categories: ['a', 'b', 'a'],
      publishAt: '2026-12-01T09:30:00Z',
      status: 'draft',
      visibility: 'unlisted',
      photos: [{ url: 'https://x.example/p.jpg', alt: 'P' }],
    });
    expect(post).toEqual({
      type: 'h-entry',
      properties: {
        name: ['Title'],
        content: ['Body'],
        summary: ['Short'],
        category: ['a', 'b'],
        published: ['2026-12-01T09:30:00Z'],
        'mp-slug': ['my-post'],
        'post-status': ['draft'],
        visibility: ['unlisted'],
        photo: [{ value: 'https://x.example/p.jpg', alt: 'P' }],
      },
    });
  });

  it('form-encodes one value as name and several as name[], and refuses what form cannot carry', () => {
    const one = toMicropubCreate({ ...base, kind: 'note', format: 'form', categories: ['x'] });
    expect(formFields(one)).toEqual([
      ['h', 'entry'],
      ['content', 'Body'],
      ['category', 'x'],
    ]);
    const many = toMicropubCreate({ ...base, kind: 'note', format: 'form', categories: ['x', 'y'] });
    expect(formFields(many).filter(([name]) => name === 'category[]')).toHaveLength(2);
    expect(() =>
      formFields(toMicropubCreate({ ...base, format: 'json', html: '<p>A <b>bold</b> body</p>' })),
    ).toThrow(/Publish it as JSON/);
  });

  it('makes a bookmark of the first link and refuses one without a link', () => {
    const post = toMicropubCreate({
      ...base,
      kind: 'bookmark',
      html: '<p><a href="https://a.example/">A</a> good</p>',
    });
    expect(post.properties['bookmark-of']).toEqual(['https://a.example/']);
    expect(() => toMicropubCreate({ ...base, kind: 'bookmark' })).toThrow(/needs a link/);
  });

  it('reads the calendar’s h-event markup, with a plain-text place', () => {
    expect(
      readHEvent(
        '<div class="h-event"><span class="p-name">Talk</span><time class="dt-start" datetime="2026-11-25T09:30">x</time><span class="p-location">Brighton &amp; Hove</span></div>',
      ),
    ).toEqual({ name: 'Talk', start: '2026-11-25T09:30', end: null, location: 'Brighton & Hove' });
    expect(readHEvent('<p>No event</p>')).toBeNull();
  });

  it('reads a nested h-card place, and no h-event from a comment', () => {
    const html =
      '<!-- <div class="h-event"><time class="dt-start" datetime="1999-01-01">old</time></div> -->' +
      '<article><div class="h-event"><h2 class="p-name">Workshop &amp; talk</h2>' +
      '<time class="dt-start" datetime="2009-11-27T10:00">27 November</time> to <time class="dt-end">16:00</time>' +
      '<div class="p-location h-card"><a class="u-url p-name" href="https://venue.example/">The <b>Venue</b></a>, ' +
      '<span class="p-locality">London</span></div></div></article>';
    expect(readHEvent(html)).toEqual({
      name: 'Workshop & talk',
      start: '2009-11-27T10:00',
      end: '16:00',
      location: {
        type: ['h-card'],
        properties: { name: ['The Venue'], locality: ['London'], url: ['https://venue.example/'] },
      },
    });
  });

  it('lists the body’s images and removes only the ones sent as files, byte for byte elsewhere', () => {
    const html = `<p>A <IMG SRC=one.png ALT='First &amp; best'></p ><!-- <img src="two.png"> --><p><img src="two.png" /> b</p ><image src="two.png">`;
    expect(bodyImages(html)).toEqual([
      { src: 'one.png', alt: 'First & best' },
      { src: 'two.png', alt: '' },
      { src: 'two.png', alt: '' },
    ]);
    expect(withoutImages(html, new Set(['two.png']))).toBe(
      `<p>A <IMG SRC=one.png ALT='First &amp; best'></p ><!-- <img src="two.png"> --><p> b</p >`,
    );
  });

  it('sends plain paragraphs as text and markup as {html}, in JSON', () => {
    expect(onlyParagraphs('<p>One</p><p>Two<br>lines &amp; more</p>')).toBe(true);
    for (const html of [
      '<p>A <b>b</b></p>',
      '<p class="x">A</p>',
      '<p>A</p><!--more--><p>B</p>',
      '<ul><li>A</li></ul>',
    ])
      expect(onlyParagraphs(html), html).toBe(false);
    const rich = toMicropubCreate({ ...base, html: '<p>A <a href="https://x.example/">link</a></p>' });
    expect(rich.properties.content).toEqual([{ html: '<p>A <a href="https://x.example/">link</a></p>' }]);
    const note = toMicropubCreate({ ...base, kind: 'note', html: '<p>A <em>note</em></p>' });
    expect(note.properties.content).toEqual([{ html: '<p>A <em>note</em></p>' }]);
  });

  it('turns HTML into plain text with paragraphs kept', () => {
    expect(plainText('<p>One <b>two</b></p><p>Three&amp;four</p>')).toBe('One two\n\nThree&four');
  });
});

describe('reading what servers send', () => {
  it('keeps an endpoint’s own query string and resolves relative Locations', () => {
    expect(withQuery('https://e.example/mp?site=2', [['q', 'config']])).toBe(
      'https://e.example/mp?site=2&q=config',
    );
    expect(resolveLocation('/p/1', 'https://e.example/mp')).toBe('https://e.example/p/1');
    expect(resolveLocation('javascript:alert(1)', 'https://e.example/mp')).toBeNull();
  });

  it('reads errors in every dialect', () => {
    expect(
      readBodyError('{"error":"invalid_request","error_description":"No"}', 'application/json'),
    ).toMatchObject({
      error: 'invalid_request',
      description: 'No',
    });
    expect(readBodyError('{"code":"forbidden","message":"Nope"}', 'application/json')).toMatchObject({
      error: 'forbidden',
      description: 'Nope',
    });
    expect(readBodyError('<html><title>502 Bad Gateway</title></html>', 'text/html')?.description).toBe(
      '502 Bad Gateway',
    );
    const scope = failureFromResponse('update', {
      status: 403,
      body: '',
      headers: { 'www-authenticate': 'Bearer error="insufficient_scope", scope="update"' },
    });
    expect(scope.message).toMatch(/"update" permission/);
  });

  it('repairs odd configurations and sources instead of failing', () => {
    expect(
      parseConfig({ 'media-endpoint': 'ftp://x', 'syndicate-to': { uid: 'u', name: 'U' } }),
    ).toMatchObject({
      mediaEndpoint: null,
      syndicateTo: [{ uid: 'u', name: 'U' }],
    });
    expect(parseConfig('oops').syndicateTo).toEqual([]);
    expect(parseSource({ properties: { name: 'One', content: { html: '<p>x</p>' } } })).toEqual({
      type: [],
      properties: { name: ['One'], content: [{ html: '<p>x</p>' }] },
    });
  });

  it('reads lists sent as objects keyed by position, wherever a list belongs', () => {
    expect(
      parseSource({
        type: { 0: 'h-entry' },
        properties: {
          category: { '1': 'Peer Test', '2': 'added-tag' },
          photo: { '0': { value: 'https://x.example/a.jpg', alt: 'A' } },
          location: [{ type: { 0: 'h-card' }, properties: { name: { 0: 'Hove' } } }],
        },
      }),
    ).toEqual({
      type: ['h-entry'],
      properties: {
        category: ['Peer Test', 'added-tag'],
        photo: [{ value: 'https://x.example/a.jpg', alt: 'A' }],
        location: [{ type: ['h-card'], properties: { name: ['Hove'] } }],
      },
    });
    expect(
      parseConfig({ 'syndicate-to': { 0: { uid: 'u', name: 'U' }, 1: { uid: 'v' } } }).syndicateTo,
    ).toEqual([
      { uid: 'u', name: 'U' },
      { uid: 'v', name: 'v' },
    ]);
  });

  it('explains an error answer that has no body: the status, what was refused and what to try', () => {
    const empty = { status: 400, body: '', headers: {} };
    expect(failureFromResponse('create', empty, { properties: ['name', 'content'] }).message).toMatch(
      /^The blog refused to create the post \(HTTP 400, with no reason given\)\. It may not take one of its properties \(name and content\)/,
    );
    expect(
      failureFromResponse('update', { ...empty, status: 422 }, { properties: ['category'] }).message,
    ).toMatch(/^The blog refused the update of category \(HTTP 422, with no reason given\)/);
    expect(failureFromResponse('undelete', empty, { url: 'https://b.example/p' }).message).toMatch(
      /refused to undelete https:\/\/b\.example\/p .* trash/,
    );
  });

  it('says what a sign-in may do, and what an edit it was not granted risks', () => {
    expect(grantSentence('create')).toBe(
      'This sign-in can only create posts; sign in again to allow updates, deletes, undeletes and media uploads.',
    );
    expect(grantSentence('create media update')).toBe(
      'This sign-in can only create and update posts and upload media; sign in again to allow deletes and undeletes.',
    );
    expect(grantSentence('create update delete undelete media')).toBe(
      'This sign-in allows creating, updating, deleting and undeleting posts and uploading media.',
    );
    expect(grantSentence('')).toBeNull();
    expect(grantSentence('post')).toBeNull();
    expect(grantSummary('create')).toBe('may create posts only');
    expect(editWarning('create', 'update')).toBe(
      'This sign-in can only create posts; the blog may refuse this update. Sign in again to allow updates',
    );
    expect(editWarning('create update', 'update')).toBeNull();
    expect(editWarning(null, 'delete')).toBeNull();
  });

  it('updates only what changed, and removes what the draft dropped', () => {
    const current = {
      type: ['h-entry'],
      properties: { name: ['A'], content: [{ html: '<p>x</p>' }], summary: ['S'] },
    };
    expect(difference(current, { name: ['A'], content: [{ html: '<p>y</p>' }] })).toEqual({
      replace: { content: [{ html: '<p>y</p>' }] },
      delete: ['summary'],
    });
    expect(difference(current, current.properties)).toBeNull();
  });

  it('computes the PKCE S256 challenge of RFC 7636’s example', () => {
    expect(challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });
});
