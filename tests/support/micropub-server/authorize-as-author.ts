/**
 * The author on the authorization page, without a browser: read the page, press Approve or Deny,
 * and follow the redirect back to the app's loopback listener. Returns what each page said.
 */
export async function answerAuthorizationPage(
  authorizationUrl: string,
  decision: 'approve' | 'deny',
): Promise<{ authorizationPage: string; callbackPage: string; callbackStatus: number }> {
  const page = await fetch(authorizationUrl);
  const authorizationPage = await page.text();
  const fields = new URLSearchParams();
  for (const match of authorizationPage.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields.append(unescape(match[1]!), unescape(match[2]!));
  }
  fields.append('decision', decision);
  const answer = await fetch(new URL('/auth', authorizationUrl), {
    method: 'POST',
    body: fields,
    redirect: 'manual',
  });
  const location = answer.headers.get('location');
  if (!location) throw new Error(`the authorization page did not redirect (HTTP ${answer.status})`);
  const callback = await fetch(location);
  return { authorizationPage, callbackPage: await callback.text(), callbackStatus: callback.status };
}

function unescape(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}
