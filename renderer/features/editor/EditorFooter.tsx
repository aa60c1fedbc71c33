import { withShortcut } from '../commands/platform';
import { PublishButton } from '../publish/PublishButton';
import type { Publishing } from '../publish/usePublishing';
import type { DraftSession } from './draft-session';
import { icons } from './plugins/ToolbarPlugin/icons';
import { ToolbarButton } from './plugins/ToolbarPlugin/ToolbarButton';
import { useRovingToolbar } from './plugins/ToolbarPlugin/useRovingToolbar';
import { WordCountPlugin } from './plugins/WordCountPlugin';
import { SaveIndicator } from './SaveIndicator';
import type { SourceMode } from './useSourceMode';

/** Under the text: the counts, the views of the body, the preview and panel toggles, saving, Publish. */
export function EditorFooter({
  sourceMode,
  onToggleSource,
  previewOpen,
  onPreviewOpenChange,
  panelOpen,
  onPanelOpenChange,
  session,
  publishing,
}: {
  sourceMode: SourceMode;
  onToggleSource: (mode: SourceMode) => void;
  previewOpen: boolean;
  onPreviewOpenChange: (open: boolean) => void;
  panelOpen: boolean;
  onPanelOpenChange: (open: boolean) => void;
  session: DraftSession;
  publishing: Publishing;
}) {
  // The four view toggles are one Tab stop (arrows inside), so Publish and the post panel are a
  // handful of Tabs from the text.
  const views = useRovingToolbar();
  return (
    <footer className="editor-footer">
      <WordCountPlugin />
      <span className="editor-footer__spacer" />
      <div role="toolbar" aria-label="Views" className="editor-footer__views" {...views}>
        <ToolbarButton
          label={sourceMode === 'html' ? 'Back to the editor' : 'Edit HTML'}
          pressed={sourceMode === 'html'}
          onClick={() => onToggleSource('html')}
        >
          {icons.html}
        </ToolbarButton>
        <ToolbarButton
          label={withShortcut(
            sourceMode === 'markdown' ? 'Back to rich text' : 'Edit Markdown',
            'view.markdown',
          )}
          pressed={sourceMode === 'markdown'}
          onClick={() => onToggleSource('markdown')}
        >
          {icons.markdown}
        </ToolbarButton>
        <ToolbarButton
          label={withShortcut(previewOpen ? 'Hide preview' : 'Show preview', 'view.preview')}
          pressed={previewOpen}
          onClick={() => onPreviewOpenChange(!previewOpen)}
        >
          {icons.preview}
        </ToolbarButton>
        <ToolbarButton
          label={panelOpen ? 'Hide post settings' : 'Show post settings'}
          pressed={panelOpen}
          onClick={() => onPanelOpenChange(!panelOpen)}
        >
          {icons.panel}
        </ToolbarButton>
      </div>
      <SaveIndicator session={session} />
      <PublishButton publishing={publishing} />
    </footer>
  );
}
