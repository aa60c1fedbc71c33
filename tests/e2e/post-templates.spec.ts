import { format } from 'date-fns';
import type { Draft } from '../../shared/model/draft';
import { runCli } from '../support/cli';
import { CommandsPage } from './pages/CommandsPage';
import { DraftsPage } from './pages/DraftsPage';
import { PostTemplatesPage } from './pages/PostTemplatesPage';
import { expect, test } from './support/fixtures';
import { seriousAxeFindings } from './support/axe';
import { saveScreenshot } from './support/layout';

// A recurring post, from the keyboard: a template written in Settings, then the palette's
// "New Draft from Template…" makes today's draft from it, title, body, categories and tags.

const SIZES = [
  [1024, 700],
  [1280, 800],
  [1920, 1080],
] as const;

test('a template written in Settings makes today’s draft from the palette', async ({ app }, testInfo) => {
  const page = await app.open();
  const drafts = new DraftsPage(page);
  const commands = new CommandsPage(page);
  const templates = new PostTemplatesPage(page);
  await drafts.open();

  await commands.openPalette();
  await commands.typeInPalette('settings');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  // The seed blog's weekly links are there from the start, with this week's title.
  await expect(templates.row('Weekly links')).toContainText('Bookmarks for');

  await templates.group.getByRole('button', { name: 'New template' }).focus();
  await page.keyboard.press('Enter');
  await templates.typeInto('Name', 'Council meeting');
  await page.keyboard.press('Tab');
  await templates.typeInto('Title', 'Council meeting, {date:EEEE d MMMM}');
  const today = format(new Date(), 'EEEE d MMMM');
  await expect(templates.form.getByText(`Today: Council meeting, ${today}`)).toBeVisible();
  await page.keyboard.press('Tab');
  await templates.typeInto('Body (HTML)', '<h2>Agenda</h2><p>Held on {date:d MMMM}.</p><script>x()</script>');
  await page.keyboard.press('Tab');
  await templates.typeInto('Categories (comma between)', 'Council, Reports');
  await page.keyboard.press('Tab');
  await templates.typeInto('Tags (comma between)', 'minutes');
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await saveScreenshot(page, testInfo, 'template-form');
  }
  expect(await seriousAxeFindings(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(templates.form).toBeHidden();
  await expect(templates.row('Council meeting')).toContainText(`Council meeting, ${today}`);
  await expect(templates.group.getByRole('button', { name: 'New template' })).toBeFocused();

  await commands.openPalette();
  await commands.typeInPalette('from templ');
  await expect(commands.chosen()).toContainText('New Draft from Template…');
  await page.keyboard.press('Enter');
  await expect(templates.pickerInput).toBeFocused();
  await expect(templates.picker.getByRole('option')).toHaveCount(4);
  await templates.pickerInput.pressSequentially('counc');
  await expect(templates.picker.getByRole('option', { selected: true })).toContainText(
    `Council meeting, ${today}`,
  );
  await page.setViewportSize({ width: 1280, height: 800 });
  await saveScreenshot(page, testInfo, 'template-picker');
  await page.keyboard.press('Enter');

  await expect(templates.picker).toBeHidden();
  await expect(drafts.editor.title).toHaveValue(`Council meeting, ${today}`);
  await expect(drafts.editor.body.getByRole('heading', { name: 'Agenda' })).toBeVisible();
  await expect(drafts.editor.body).toContainText(`Held on ${format(new Date(), 'd MMMM')}.`);
  await drafts.editor.openPostPanel();
  for (const name of ['Council', 'Reports', 'minutes'])
    await expect(drafts.editor.postPanel.getByRole('listitem').filter({ hasText: name })).toBeVisible();
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await saveScreenshot(page, testInfo, 'draft-from-template');
  }

  const list = runCli(['drafts', 'list', '--json'], { dataDir: app.dataDir }).json<{ id: string }[]>();
  const saved = runCli(['drafts', 'show', list[0]!.id, '--json'], { dataDir: app.dataDir }).json<Draft>();
  expect(saved).toMatchObject({
    title: `Council meeting, ${today}`,
    categories: ['Council', 'Reports'],
    tags: ['minutes'],
  });
  expect(saved.html).not.toContain('script');
});

test('a bad date pattern is refused in words; a deleted template comes back with Undo', async ({ app }) => {
  const page = await app.open();
  const templates = new PostTemplatesPage(page);
  await new DraftsPage(page).shell.open('Settings');

  await templates.row('Meeting report').getByRole('button', { name: 'Edit Meeting report' }).focus();
  await page.keyboard.press('Enter');
  await expect(templates.field('Name')).toBeFocused();
  await expect(templates.field('Name')).toHaveValue('Meeting report');
  await templates.field('Title').focus();
  await page.keyboard.press('End');
  await templates.field('Title').pressSequentially(' {date:jj}');
  await page.keyboard.press('Enter');
  await expect(templates.form.getByRole('alert')).toHaveText(
    'The date pattern in {date:jj} is not one Postwright knows: use letters such as d, MMMM, yyyy and EEEE, and put other words in single quotes.',
  );
  await page.keyboard.press('Escape');
  await expect(templates.form).toBeHidden();
  await expect(
    templates.row('Meeting report').getByRole('button', { name: 'Edit Meeting report' }),
  ).toBeFocused();

  await templates.row('Event notice').getByRole('button', { name: 'Delete Event notice' }).focus();
  await page.keyboard.press('Enter');
  await expect(templates.row('Event notice')).toHaveCount(0);
  await expect(templates.group.getByRole('status')).toContainText('Deleted “Event notice”.');
  await templates.group.getByRole('button', { name: 'Undo' }).focus();
  await page.keyboard.press('Enter');
  await expect(templates.row('Event notice')).toBeVisible();
  const names = runCli(['drafts', 'new', '--template', 'nothing'], { dataDir: app.dataDir }).stderr;
  expect(names).toContain('"Weekly links", "Meeting report" and "Event notice"');
});
