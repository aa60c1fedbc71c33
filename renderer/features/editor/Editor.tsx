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
import { useRef, useState } from 'react';
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
import { MarkdownShortcutPlugin } from './plugins/MarkdownShortcutPlugin';
import { PastePlugin } from './plugins/PastePlugin';
import { TablePlugin } from './plugins/TablePlugin';
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { icons } from './plugins/ToolbarPlugin/icons';
import { ToolbarButton } from './plugins/ToolbarPlugin/ToolbarButton';
import { WordCountPlugin } from './plugins/WordCountPlugin';
import { PublishButton } from '../publish/PublishButton';
import { usePublishing } from '../publish/usePublishing';
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

const isLinkAllowed = (url: string) => safeLinkHref(url) !== null;

/** The writing surface: toolbar, title, body (or its HTML), counts and save state, and the post panel. */
export default function Editor({
  draft,
  session,
  uploadImage,
  focusTitle = false,
  panelOpen,
  onPanelOpenChange,
}: EditorProps) {
  const [sourceMode, setSourceMode] = useState(false);
  const publishing = usePublishing(draft, session);
  const [notice, setNotice] = useState<string | null>(null);
  const [title, setTitle] = useState(draft.title);
  const editorRef = useRef<LexicalEditor | null>(null);

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
      <div className={`editor-layout${panelOpen ? ' editor-layout--panel' : ''}`}>
        <section className="editor-main" aria-label="Editor">
          <ToolbarPlugin sourceMode={sourceMode} />
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
                onEnter={() => editorRef.current?.focus()}
              />
              <div className={`editor-body${sourceMode ? ' editor-body--hidden' : ''}`}>
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
              <HtmlSourcePlugin active={sourceMode} />
            </div>
          </div>
          <EventDetectionPlugin draft={draft} session={session} title={title} />
          <footer className="editor-footer">
            <WordCountPlugin />
            <span className="editor-footer__spacer" />
            <ToolbarButton
              label={sourceMode ? 'Back to the editor' : 'Edit HTML'}
              pressed={sourceMode}
              onClick={() => setSourceMode((on) => !on)}
            >
              {icons.html}
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
        <PostPanel
          draft={draft}
          session={session}
          title={title}
          publishing={publishing}
          hidden={!panelOpen}
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
      <ShortcutsPlugin onSave={() => void session.flush()} />
    </LexicalComposer>
  );
}
