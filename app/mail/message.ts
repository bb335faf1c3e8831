/**
 * The one shape of an email, from the change that queues it to the transport that sends it. The
 * sender's address is not part of it: the transport adds the portal's own (MAIL_FROM), so nothing
 * queued can claim to come from someone else.
 */
export type MailMessage = {
  to: string;
  subject: string;
  text: string;
};

/** Something that can deliver a message: SMTP, files in a folder, or a test's recorder. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}
