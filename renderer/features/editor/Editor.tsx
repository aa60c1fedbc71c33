import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { HorizontalRulePlugin } from '@lexical/react/LexicalHorizontalRulePlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import { useEffect, useRef, useState } from 'react';
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
import { TabKeyPlugin } from './plugins/TabKeyPlugin';
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { useUiState } from '../../app/UiStateContext';
import { useCommand } from '../commands/CommandsContext';
import { PostPreview } from '../preview/PostPreview';
import { DraftOutboxState } from '../publish/DraftOutboxState';
import { usePublishing } from '../publish/usePublishing';
import { ContextMenuPlugin } from './plugins/ContextMenuPlugin';
import { EditorCommandsPlugin } from './plugins/EditorCommandsPlugin';
import { PreviewSourcePlugin } from './plugins/PreviewSourcePlugin';
import { PostPanel } from './PostPanel/PostPanel';
import { editorTheme } from './theme';
import { TitleField } from './TitleField';
import { EditorFooter } from './EditorFooter';
import { useLivePreview } from './useLivePreview';
import { useSourceMode } from './useSourceMode';

export interface EditorProps {
  draft: Draft;
  session: DraftSession;
  uploadImage: UploadImage;
  /** A new draft starts in its title. */
  focusTitle?: boolean;
  /** Back in the section, the draft that was open takes the focus in its text (if the focus is idle). */
  focusBody?: boolean;
  /** The post panel beside the body: open or folded into its toggle (the Drafts view decides, for room). */
  panelOpen: boolean;
  onPanelOpenChange: (open: boolean) => void;
}

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
  focusBody = false,
  panelOpen,
  onPanelOpenChange,
}: EditorProps) {
  const ui = useUiState();
  const width = useWindowWidth();
  const editorRef = useRef<LexicalEditor | null>(null);
  const { sourceMode, focusSource, toggleSource } = useSourceMode(draft, session, editorRef);
  const publishing = usePublishing(draft, session);
  const previewOpen = ui.state.preview;
  const sideBySide = width >= SIDE_BY_SIDE_MIN_WIDTH;
  const [notice, setNotice] = useState<string | null>(null);
  const [title, setTitle] = useState(draft.title);
  const { preview, refreshPreview } = useLivePreview(session, draft.id, previewOpen, title);

  useCommand('view.postPanel', () => onPanelOpenChange(!panelOpen));
  useCommand('view.html', () => toggleSource('html'));
  useCommand('view.markdown', () => toggleSource('markdown'));
  useCommand('view.preview', () => ui.update({ preview: !previewOpen }));
  useCommand('post.preview', () => ui.update({ preview: true, previewStyle: 'blog' }));
  useCommand('post.schedule', () => {
    onPanelOpenChange(true);
    window.setTimeout(() => document.getElementById('post-date')?.focus(), 0);
  });

  useEffect(() => {
    // Idle: on the main area or the screen's heading, where a section switch leaves it (not on the
    // page itself, as the window opens: there the first Tab is the skip link's).
    const idle = document.activeElement?.matches('#main, h1, h2');
    if (focusBody && idle && sourceMode === null) editorRef.current?.focus();
    // Once, as the editor opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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
          <EditorFooter
            sourceMode={sourceMode}
            onToggleSource={toggleSource}
            previewOpen={previewOpen}
            onPreviewOpenChange={(preview) => ui.update({ preview })}
            panelOpen={panelOpen}
            onPanelOpenChange={onPanelOpenChange}
            session={session}
            publishing={publishing}
          />
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
          uploadImage={uploadImage}
        />
      </div>
      <EditorRefPlugin editorRef={editorRef} />
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={isLinkAllowed} />
      <TabKeyPlugin />
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
