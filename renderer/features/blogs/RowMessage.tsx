/** What an action on a blog row (test, pull, edit) said: a status when it went well, else an alert. */
export interface RowMessageText {
  ok: boolean;
  text: string;
}

export function RowMessage({ message }: { message: RowMessageText | null }) {
  if (!message) return null;
  return (
    <p className={message.ok ? 'blog-row__ok' : 'notice notice--warn'} role={message.ok ? 'status' : 'alert'}>
      {message.text}
    </p>
  );
}
