/**
 * What another part of the app asks of the Drafts section (the palette's "Open…", a postwright://
 * link, "New Draft" from the Inbox): kept until the section is on screen to take it.
 */
export type DraftIntent =
  { kind: 'new'; templateId?: string } | { kind: 'open'; id: string } | { kind: 'trash' };

const waiting: DraftIntent[] = [];
let handler: ((intent: DraftIntent) => void) | null = null;

export function requestDraft(intent: DraftIntent): void {
  if (handler) handler(intent);
  else waiting.push(intent);
}

/** The Drafts section takes intents while it is mounted; the cleanup lets them wait again. */
export function takeDraftIntents(take: (intent: DraftIntent) => void): () => void {
  handler = take;
  for (const intent of waiting.splice(0)) take(intent);
  return () => {
    if (handler === take) handler = null;
  };
}
