/**
 * Why an XML-RPC call failed, with what the outbox needs to decide: whether the request may have
 * reached the server (`sent`: a retry must check first), and whether trying again can help.
 */
export type XmlRpcErrorKind =
  | 'fault' // the server answered with a fault
  | 'unreachable' // no connection was made: nothing was sent
  | 'timeout' // the deadline passed while waiting for the answer
  | 'connection-lost' // the connection broke after the request went out
  | 'http' // an HTTP error status
  | 'too-large' // the answer was bigger than the cap
  | 'redirect' // a redirect we refuse to follow
  | 'refused' // the outbound policy refused the address: nothing was sent
  | 'not-xmlrpc' // the answer is not an XML-RPC document
  | 'invalid' // well-formed XML-RPC, but not the values the method promises
  | 'cancelled';

export class XmlRpcError extends Error {
  constructor(
    readonly kind: XmlRpcErrorKind,
    message: string,
    readonly details: {
      endpoint: string;
      method: string;
      status?: number;
      faultCode?: number | null;
      faultString?: string;
      retryAfterMs?: number;
      sent: boolean;
    },
  ) {
    super(message);
    this.name = 'XmlRpcError';
  }
}
