import { BlogsPage } from './pages/BlogsPage';
import { CalendarPage } from './pages/CalendarPage';
import { DraftsPage } from './pages/DraftsPage';
import { InboxPage } from './pages/InboxPage';
import { expect, test } from './support/fixtures';
import { expectControlsUsable, lookAt, VIEWPORTS } from './support/layout';
import { EVENT_POST, useSeededLibrary } from './support/seed-library';

// Each size walks every main screen of one library; the screenshots land in test-results/.
test.describe.configure({ timeout: 180_000 });
process.env.TZ = 'UTC';

const library = useSeededLibrary();

for (const size of VIEWPORTS) {
  test(`every main screen works at ${size.width}×${size.height}`, async ({ app }, testInfo) => {
    const page = await library.open(app);
    await page.setViewportSize(size);
    const look = (name: string) => lookAt(page, testInfo, name);

    await test.step('drafts', async () => {
      const drafts = new DraftsPage(page);
      await drafts.open();
      await expect(drafts.row(EVENT_POST.title)).toBeVisible();
      await expectControlsUsable(page, {
        sections: drafts.shell.sidebar,
        'New draft': drafts.newDraftButton,
        search: drafts.search,
        'first draft': drafts.row(EVENT_POST.title),
        'status bar': drafts.shell.statusBar,
      });
      await look('drafts');
    });

    await test.step('editor with the post panel and the events dock', async () => {
      const drafts = new DraftsPage(page);
      await drafts.openDraft(EVENT_POST.title);
      const editor = drafts.editor;
      await editor.openPostPanel();
      const dock = page.getByRole('region', { name: 'Events in this post' });
      await expect(dock.getByRole('listitem')).toHaveCount(2);
      await expectControlsUsable(page, {
        title: editor.title,
        'first paragraph': editor.body.locator('p').first(),
        toolbar: editor.toolbar,
        'post panel': editor.postPanel.getByLabel('Blog'),
        'events dock': dock.getByRole('button', { name: /Events in this post/ }),
        'first event': dock.getByRole('listitem').first(),
        publish: editor.publishButton,
        'save state': editor.saveState,
      });
      await look('editor');

      // Where the list, the text and the panel do not all fit, they take turns; the text keeps its room.
      const rail = page.getByRole('button', { name: 'Show the drafts list' });
      if (size.width < 1280) {
        await expect(drafts.panel).toBeHidden();
        await rail.click();
        await expect(drafts.row(EVENT_POST.title)).toBeVisible();
        await expect(editor.postPanel).toBeHidden();
        await expectControlsUsable(page, {
          list: drafts.row(EVENT_POST.title),
          title: editor.title,
          publish: editor.publishButton,
          'post settings': page.getByRole('button', { name: 'Show post settings' }),
        });
        await look('editor-with-list');
        await editor.openPostPanel();
        await expect(drafts.panel).toBeHidden();
      } else {
        await expect(drafts.row(EVENT_POST.title)).toBeVisible();
        await expect(rail).toHaveCount(0);
      }
      expect((await editor.body.boundingBox())!.width).toBeGreaterThanOrEqual(480);
    });

    await test.step('inbox', async () => {
      const inbox = new InboxPage(page);
      await inbox.open();
      await expect(inbox.count).toHaveText('5 links');
      await expectControlsUsable(page, {
        'add a link': inbox.quickAdd,
        'build digest': page.getByRole('button', { name: 'Build digest' }),
        import: page.getByRole('button', { name: 'Import…' }),
        'first link': inbox.list.getByRole('listitem').first(),
      });
      await look('inbox');

      await inbox.list.getByRole('listitem').first().locator('.link-row__main').click();
      const details = page.getByRole('complementary', { name: 'Link details' });
      await expectControlsUsable(page, {
        'build digest': page.getByRole('button', { name: 'Build digest' }),
        'first link': inbox.list.getByRole('listitem').first().locator('.link-row__title'),
        comment: details.getByLabel('Your comment'),
        close: details.getByRole('button', { name: 'Close the link details' }),
      });
      await look('inbox-details');
      await details.getByRole('button', { name: 'Close the link details' }).click();
    });

    await test.step('digest', async () => {
      const inbox = new InboxPage(page);
      await inbox.openDigest('2009-11-05', '2009-11-08');
      await expect(inbox.digestRows()).toHaveCount(5);
      await expectControlsUsable(page, {
        back: page.getByRole('button', { name: '← Inbox' }),
        'create draft': page.getByRole('button', { name: 'Create draft' }),
        from: page.getByLabel('Digest from'),
        to: page.getByLabel('Digest to'),
        'first link': inbox.digestRows().first(),
        preview: page.getByRole('article', { name: 'Digest preview' }),
      });
      await look('digest');
    });

    await test.step('calendar', async () => {
      const calendar = new CalendarPage(page);
      await calendar.open();
      await calendar.goToMonth('2009-11', 'November 2009');
      await calendar.day('2009-11-25').click();
      await expect(calendar.panel).toBeVisible();
      await expectControlsUsable(page, {
        'new event': page.getByRole('button', { name: 'New event' }),
        'next month': page.getByRole('button', { name: 'Next month' }),
        'the 25th': calendar.eventOn('2009-11-25', 'Learning Pool breakfast, Brighton'),
        'event title': calendar.field('Title'),
        save: calendar.panel.getByRole('button', { name: 'Save' }),
      });
      await look('calendar');
    });

    await test.step('blogs', async () => {
      const blogs = new BlogsPage(page);
      await blogs.shell.open('Blogs');
      await expect(blogs.blogs.getByRole('listitem')).toHaveCount(1);
      await expectControlsUsable(page, {
        'add a blog': blogs.addButton,
        'the blog': blogs.blogs.getByRole('listitem').first(),
      });
      await look('blogs');
    });

    await test.step('add a blog', async () => {
      const blogs = new BlogsPage(page);
      await blogs.addButton.click();
      await blogs.dialog.getByLabel('Your blog’s home page').pressSequentially(library.site.url);
      await page.keyboard.press('Enter');
      await expect(blogs.dialog.getByRole('status')).toBeVisible();
      await look('add-a-blog');
    });
  });
}
