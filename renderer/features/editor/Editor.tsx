import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { HorizontalRulePlugin } from '@lexical/react/LexicalHorizontalRulePlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TabIndentationPlugin } from '@lexical/react/LexicalTabIndentationPlugin';
import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { safeLinkHref } from '../../../shared/net/safe-link';
import type { Draft } from '../../../shared/model/draft';
import type { DraftSession } from './draft-session';
import './editor.css';
import { loadDraftInto } from './initial-state';
import { EDITOR_NODES } from './nodes';
import { AutosavePlugin } from './plugins/AutosavePlugin';
import { EventDetectionPlugin } from './plugins/EventDetectionPlugin';
import { HtmlSourcePlugin } from './plugins/HtmlSourcePlugin';
import { ImagesPlugin, type UploadImage } from './plugins/ImagesPlugin';
import { LinkEditorPlugin } from './plugins/LinkEditorPlugin';
import { focusMarkdownSource, MarkdownSourcePlugin } from './plugins/MarkdownSourcePlugin';
import { MarkdownShortcutPlugin } from './plugins/MarkdownShortcutPlugin';
import { PastePlugin } from './plugins/PastePlugin';
import { TablePlugin } from './plugins/TablePlugin';
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { icons } from './plugins/ToolbarPlugin/icons';
import { ToolbarButton } from './plugins/ToolbarPlugin/ToolbarButton';
import { WordCountPlugin } from './plugins/WordCountPlugin';
import { useUiState } from '../../app/UiStateContext';
import { useCommand } from '../commands/CommandsContext';
import { withShortcut } from '../commands/platform';
import { PostPreview, type PreviewSource } from '../preview/PostPreview';
import { DraftOutboxState } from '../publish/DraftOutboxState';
import { PublishButton } from '../publish/PublishButton';
import { usePublishing } from '../publish/usePublishing';
import { ContextMenuPlugin } from './plugins/ContextMenuPlugin';
import { EditorCommandsPlugin } from './plugins/EditorCommandsPlugin';
import { PreviewSourcePlugin } from './plugins/PreviewSourcePlugin';
import { PostPanel } from './PostPanel/PostPanel';
import { SaveIndicator } from './SaveIndicator';
import { editorTheme } from './theme';
import { TitleField } from './TitleField';

export interface EditorProps {
  draft: Draft;
  session: DraftSession;
  uploadImage: UploadImage;
  /** A new draft starts in its title. */
  focusTitle?: boolean;
  /** The post panel beside the body: open or folded into its toggle (the Drafts view decides, for room). */
  panelOpen: boolean;
  onPanelOpenChange: (open: boolean) => void;
}

/** The body as rich text (null), or as its HTML or Markdown source. */
type SourceMode = 'html' | 'markdown' | null;

const isLinkAllowed = (url: string) => safeLinkHref(url) !== null;

/** From this window width the preview sits beside the editor; below it, it takes the editor's place. */
const SIDE_BY_SIDE_MIN_WIDTH = 1440;

function useWindowWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}

/** The writing surface: toolbar, title, body (or its HTML), counts and save state, and the post panel. */
export default function Editor({
  draft,
  session,
  uploadImage,
  focusTitle = false,
  panelOpen,
  onPanelOpenChange,
}: EditorProps) {
  const ui = useUiState();
  const width = useWindowWidth();
  // A draft kept in Markdown opens in its Markdown source; the caret goes to a source view the author opens.
  const [sourceMode, setSourceMode] = useState<SourceMode>(draft.markdown ? 'markdown' : null);
  const [focusSource, setFocusSource] = useState(false);
  const toggleSource = (mode: SourceMode) => {
    setFocusSource(true);
    setSourceMode((now) => (now === mode ? null : mode));
  };
  // The draft is kept in the form the author left it in: Markdown, or rich text (HTML is a look only).
  useEffect(() => {
    if (sourceMode === 'html') return;
    const markdown = sourceMode === 'markdown';
    if ((session.getFields().markdown ?? false) !== markdown) session.setFields({ markdown });
  }, [session, sourceMode]);
  const publishing = usePublishing(draft, session);
  const previewOpen = ui.state.preview;
  const sideBySide = width >= SIDE_BY_SIDE_MIN_WIDTH;
  const [notice, setNotice] = useState<string | null>(null);
  const [title, setTitle] = useState(draft.title);
  const editorRef = useRef<LexicalEditor | null>(null);
  const previewOf = useCallback((): PreviewSource => {
    const { title: now, html, blogId } = session.snapshot();
    return { title: now, html, blogId, draftId: draft.id };
  }, [session, draft.id]);
  // Bumped when the body changes (once typing pauses); the preview then reads the text again.
  const [bodyVersion, setBodyVersion] = useState(0);
  const refreshPreview = useCallback(() => setBodyVersion((count) => count + 1), []);
  const preview = useMemo(
    () => (previewOpen ? previewOf() : null),
    // title and bodyVersion say when the text changed; previewOf reads it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [previewOpen, previewOf, title, bodyVersion],
  );

  // Back from a source view, the caret is in the body again, in the block it was in there.
  const wasSource = useRef(false);
  useEffect(() => {
    if (sourceMode === null && wasSource.current) editorRef.current?.focus();
    wasSource.current = sourceMode !== null;
  }, [sourceMode]);

  useCommand('view.postPanel', () => onPanelOpenChange(!panelOpen));
  useCommand('view.html', () => toggleSource('html'));
  useCommand('view.markdown', () => toggleSource('markdown'));
  useCommand('view.preview', () => ui.update({ preview: !previewOpen }));
  useCommand('post.preview', () => ui.update({ preview: true, previewStyle: 'blog' }));
  useCommand('post.schedule', () => {
    onPanelOpenChange(true);
    window.setTimeout(() => document.getElementById('post-date')?.focus(), 0);
  });

  const initialConfig = {
    namespace: 'postwright',
    theme: editorTheme,
    nodes: EDITOR_NODES,
    editorState: loadDraftInto(draft),
    // Reported, never thrown: a failed update is rolled back and the author keeps typing.
    onError: (error: Error) => console.error('Editor error:', error),
  };

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div
        className={`editor-layout${panelOpen ? ' editor-layout--panel' : ''}${
          previewOpen ? (sideBySide ? ' editor-layout--beside' : ' editor-layout--preview-only') : ''
        }`}
      >
        <section className="editor-main" aria-label="Editor">
          <ToolbarPlugin sourceMode={sourceMode !== null} />
          {notice && (
            <div className="notice notice--warn editor-notice" role="alert">
              {notice}
              <button type="button" className="link-button" onClick={() => setNotice(null)}>
                Dismiss
              </button>
            </div>
          )}
          <div className="editor-scroll">
            <div className="editor-page">
              <TitleField
                session={session}
                autoFocus={focusTitle}
                onTitle={setTitle}
                onEnter={() =>
                  sourceMode === 'markdown' ? focusMarkdownSource() : editorRef.current?.focus()
                }
              />
              <div className={`editor-body${sourceMode !== null ? ' editor-body--hidden' : ''}`}>
                <RichTextPlugin
                  contentEditable={
                    <ContentEditable
                      className="editor-content"
                      aria-label="Body"
                      aria-placeholder="Write your post…"
                      placeholder={<div className="editor-placeholder">Write your post…</div>}
                    />
                  }
                  ErrorBoundary={LexicalErrorBoundary}
                />
              </div>
              <HtmlSourcePlugin active={sourceMode === 'html'} />
              <MarkdownSourcePlugin
                active={sourceMode === 'markdown'}
                autoFocus={focusSource}
                session={session}
              />
            </div>
          </div>
          <EventDetectionPlugin draft={draft} session={session} title={title} />
          <DraftOutboxState draftId={draft.id} />
          <footer className="editor-footer">
            <WordCountPlugin />
            <span className="editor-footer__spacer" />
            <ToolbarButton
              label={sourceMode === 'html' ? 'Back to the editor' : 'Edit HTML'}
              pressed={sourceMode === 'html'}
              onClick={() => toggleSource('html')}
            >
              {icons.html}
            </ToolbarButton>
            <ToolbarButton
              label={withShortcut(
                sourceMode === 'markdown' ? 'Back to rich text' : 'Edit Markdown',
                'view.markdown',
              )}
              pressed={sourceMode === 'markdown'}
              onClick={() => toggleSource('markdown')}
            >
              {icons.markdown}
            </ToolbarButton>
            <ToolbarButton
              label={withShortcut(previewOpen ? 'Hide preview' : 'Show preview', 'view.preview')}
              pressed={previewOpen}
              onClick={() => ui.update({ preview: !previewOpen })}
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
            <SaveIndicator session={session} />
            <PublishButton publishing={publishing} />
          </footer>
        </section>
        {previewOpen && preview && (
          <PostPreview
            source={preview}
            style={ui.state.previewStyle}
            onStyle={(previewStyle) => ui.update({ previewStyle })}
            onClose={() => ui.update({ preview: false })}
          />
        )}
        <PostPanel
          draft={draft}
          session={session}
          title={title}
          publishing={publishing}
          hidden={!panelOpen}
          onShow={() => onPanelOpenChange(true)}
        />
      </div>
      <EditorRefPlugin editorRef={editorRef} />
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={isLinkAllowed} />
      <TabIndentationPlugin maxIndent={6} />
      <HorizontalRulePlugin />
      <MarkdownShortcutPlugin />
      <PastePlugin />
      <TablePlugin />
      <ImagesPlugin upload={uploadImage} onError={setNotice} />
      <LinkEditorPlugin />
      <AutosavePlugin session={session} />
      <ShortcutsPlugin />
      <EditorCommandsPlugin onSave={() => void session.flush()} />
      <PreviewSourcePlugin active={previewOpen} onChange={refreshPreview} />
      <ContextMenuPlugin onError={setNotice} />
    </LexicalComposer>
  );
}
