import type { Locator } from '@playwright/test';
import { BlogsPage } from './pages/BlogsPage';
import { CalendarPage } from './pages/CalendarPage';
import { DraftsPage } from './pages/DraftsPage';
import { InboxPage } from './pages/InboxPage';
import { expect, test } from './support/fixtures';
import { expectNoSidewaysScroll, lookAt, saveScreenshot } from './support/layout';
import { EVENT_POST, useSeededLibrary } from './support/seed-library';

// Issue 14.6 (WCAG 1.4.10): a 1280 px window at 200% and 400% zoom is 640 and 320 CSS px wide.
// Every main screen reflows: nothing scrolls sideways, and what a person came to the screen for
// (the sections, the writing area, Publish, the screen's main action) is on screen or a scroll away.
test.describe.configure({ timeout: 90_000 });
process.env.TZ = 'UTC';

const library = useSeededLibrary();

/** On screen (rounding aside) once scrolled to (up and down only), and not covered by anything else. */
async function expectReachable(name: string, control: Locator) {
  await control.scrollIntoViewIfNeeded();
  await expect(control, `${name} is on screen`).toBeInViewport({ ratio: 0.9 });
  const uncovered = await control.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return hit !== null && element.contains(hit);
  });
  expect(uncovered, `${name} is not covered`).toBe(true);
}

for (const size of [
  { width: 640, height: 400 },
  { width: 320, height: 256 },
]) {
  test(`every main screen reflows at ${size.width}×${size.height} CSS px`, async ({ app }, testInfo) => {
    const page = await library.open(app);
    await page.setViewportSize(size);
    const look = (name: string) => lookAt(page, testInfo, name);
    const drafts = new DraftsPage(page);
    await drafts.open();
    for (const section of ['Drafts', 'Inbox', 'Calendar', 'Blogs', 'Settings'])
      await expectReachable(section, drafts.shell.sidebar.getByRole('button', { name: section }));
    await look('drafts');

    await drafts.openDraft(EVENT_POST.title);
    const editor = drafts.editor;
    await expect(editor.body).toBeVisible();
    expect((await editor.body.boundingBox())!.width).toBeGreaterThanOrEqual(size.width * 0.55);
    await expectReachable('Publish', editor.publishButton);
    await look('editor');
    // What a person clicks next is theirs to click: nothing (the drafts list's foot) lies over it.
    await expectReachable('show post settings', page.getByRole('button', { name: 'Show post settings' }));
    await editor.openPostPanel();
    await expectReachable('Publish with the panel open', editor.publishButton);
    await expectReachable('the panel’s first field', editor.postPanel.getByLabel('Blog'));
    await look('editor-panel');
    await expectReachable('hide post settings', page.getByRole('button', { name: 'Hide post settings' }));
    await page.getByRole('button', { name: 'Hide post settings' }).click();
    await expect(editor.postPanel).toBeHidden();
    await expect(editor.body).toBeVisible();

    const inbox = new InboxPage(page);
    await inbox.open();
    await expectReachable('add a link', inbox.quickAdd);
    await expectReachable('build digest', page.getByRole('button', { name: 'Build digest' }));
    await expectReachable('first link', inbox.list.getByRole('listitem').first());
    await look('inbox');

    const calendar = new CalendarPage(page);
    await calendar.open();
    await expectReachable('new event', calendar.newEventButton);
    await expectReachable('next month', page.getByRole('button', { name: 'Next month' }));
    await look('calendar');

    const blogs = new BlogsPage(page);
    await blogs.shell.open('Blogs');
    await expectReachable('add a blog', blogs.addButton);
    await look('blogs');
  });
}

for (const size of [
  { width: 640, height: 400 },
  { width: 320, height: 256 },
]) {
  test(`a draft open while the window zooms to ${size.width}×${size.height} CSS px keeps its text and controls uncovered`, async ({
    app,
  }, testInfo) => {
    const page = await library.open(app);
    const wide = { width: 1280, height: 800 };
    await page.setViewportSize(wide);
    const drafts = new DraftsPage(page);
    const { editor } = drafts;
    await drafts.open();
    await drafts.openDraft(EVENT_POST.title);
    const panelToggle = page.getByRole('button', { name: /post settings$/ });
    // Zooming in to 200% or 400%: the list, then the panel, that stood beside the text would lie over it.
    for (const beside of ['list', 'panel']) {
      await page.setViewportSize(wide);
      if (beside === 'panel') await editor.openPostPanel();
      else if (await editor.postPanel.isVisible()) await panelToggle.click();
      await expect(drafts.list()).toBeVisible();
      await expect(editor.postPanel).toBeVisible({ visible: beside === 'panel' });
      await page.setViewportSize(size);
      // The window's media queries change before the next frame: the panel then folds away.
      await expect(editor.postPanel, 'the panel folds away once it would lie over the text').toBeHidden();
      await expectWritingArea(`the writing area (the ${beside} was open)`, editor.body);
      await expectReachable(`the post settings toggle (the ${beside} was open)`, panelToggle);
      await expectReachable(`Publish (the ${beside} was open)`, editor.publishButton);
      await saveScreenshot(page, testInfo, `zoomed-with-${beside}-open`);
    }
  });
}

/**
 * The writing area shows on screen once scrolled to (up and down only), uncovered, at least two
 * lines high and over half the window wide (the text itself may be longer than the window).
 */
async function expectWritingArea(name: string, body: Locator) {
  await expect(body, `${name} is visible`).toBeVisible();
  // As the window settles (a resize lands its media queries and layout a frame later).
  await expect(async () => {
    await body.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    const shown = await body.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const top = Math.max(box.top, 0);
      // Above the editor's footer, which stays at the bottom over the text.
      const footer = element.closest('section')?.querySelector('footer')?.getBoundingClientRect();
      const bottom = Math.min(box.bottom, footer?.top ?? Infinity, window.innerHeight);
      const left = Math.max(box.left, 0);
      const right = Math.min(box.right, window.innerWidth);
      const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
      return { height: bottom - top, width: right - left, uncovered: hit !== null && element.contains(hit) };
    });
    expect(shown.height, `${name}: its height on screen`).toBeGreaterThanOrEqual(40);
    expect(shown.width, `${name}: its width on screen`).toBeGreaterThanOrEqual(
      body.page().viewportSize()!.width * 0.55,
    );
    expect(shown.uncovered, `${name} is not covered`).toBe(true);
  }).toPass({ timeout: 5_000 });
}

/** The dialog fits the window's width, and nothing in it scrolls sideways. */
async function expectDialogFits(dialog: Locator) {
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  const width = dialog.page().viewportSize()!.width;
  expect(box.x, 'the dialog starts inside the window').toBeGreaterThanOrEqual(-0.5);
  expect(box.x + box.width, 'the dialog ends inside the window').toBeLessThanOrEqual(width + 0.5);
  await expectNoSidewaysScroll(dialog.page());
}

for (const size of [
  { width: 640, height: 400 },
  { width: 320, height: 256 },
]) {
  test(`the digest, the dialogs, settings and the drafts list over the draft reflow at ${size.width}×${size.height} CSS px`, async ({
    app,
  }, testInfo) => {
    const page = await library.open(app);
    await page.setViewportSize(size);
    const look = (name: string) => saveScreenshot(page, testInfo, name);
    const drafts = new DraftsPage(page);
    const { editor } = drafts;
    await drafts.open();
    await drafts.openDraft(EVENT_POST.title);
    await expectWritingArea('the writing area', editor.body);
    await editor.focusEnd();
    await page.keyboard.type(' Doors open at six.');
    await editor.saveNow();

    // At 480 px and less the list lies over the draft: opening a draft folds it; a toggle brings it back.
    const showList = page.getByRole('button', { name: 'Show the drafts list' });
    const hideList = page.getByRole('button', { name: 'Hide the drafts list' });
    if (size.width <= 480) {
      await expect(drafts.list()).toBeHidden();
      await expectReachable('show the drafts list', showList);
      await showList.click();
      await expect(drafts.list()).toBeVisible();
      await expectReachable(
        'a draft in the list',
        drafts.row('Leaving the Asylum').locator('.draft-row__open'),
      );
      await expectReachable('hide the drafts list', hideList);
      await look('drafts-list-over-draft');
      await hideList.click();
      await expect(drafts.list()).toBeHidden();
      await expectWritingArea('the writing area again', editor.body);
      await showList.click();
      await drafts.openDraft('Leaving the Asylum');
      await expect(drafts.list()).toBeHidden();
      await expectWritingArea('the writing area of the other draft', editor.body);
      await showList.click();
    }

    // Revisions, from the row's menu: the versions and Restore are on screen or a scroll away.
    await drafts.act(EVENT_POST.title, 'Revisions…');
    const revisions = drafts.revisionsDialog();
    await expectDialogFits(revisions);
    await expectReachable(
      'a version',
      revisions.getByRole('list', { name: 'Revisions' }).getByRole('listitem').first(),
    );
    await expectReachable('restore', revisions.getByRole('button', { name: 'Restore this version' }));
    await look('revisions');
    await page.keyboard.press('Escape');
    await expect(revisions).toBeHidden();

    // Add a blog: its address field and its button.
    const blogs = new BlogsPage(page);
    await blogs.open();
    await blogs.addButton.click();
    await expectDialogFits(blogs.dialog);
    await expectReachable('the address field', blogs.dialog.getByLabel('Your blog’s home page'));
    await page.keyboard.type('https://example.com/');
    const find = blogs.dialog.getByRole('button', { name: 'Find the blog' });
    await expectReachable('find the blog', find);
    // Its words on one line: the button is no taller than the field beside or above it.
    const fieldHeight = (await blogs.dialog.getByLabel('Your blog’s home page').boundingBox())!.height;
    expect((await find.boundingBox())!.height, 'Find the blog is one line high').toBeLessThanOrEqual(
      fieldHeight + 1,
    );
    await look('add-blog');
    await page.keyboard.press('Escape');
    await expect(blogs.dialog).toBeHidden();

    // Settings: the first choice.
    await blogs.shell.open('Settings');
    await expectNoSidewaysScroll(page);
    await expectReachable('the theme', page.getByRole('combobox', { name: 'Theme' }));
    await look('settings');

    // The digest: its links and Create draft.
    const inbox = new InboxPage(page);
    await inbox.open();
    const build = page.getByRole('button', { name: 'Build digest' });
    await build.scrollIntoViewIfNeeded();
    await build.click();
    await expect(page.getByRole('heading', { name: 'Build digest', level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectReachable('← inbox', page.getByRole('button', { name: '← Inbox' }));
    await expectReachable('create draft', page.getByRole('button', { name: 'Create draft' }));
    await look('digest');
  });
}
