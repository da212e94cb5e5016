import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail through SMTP. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** A mailer for an smtp:// or smtps:// URL (credentials in the URL), sending from `from`. */
export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close() {
      transport.close();
    },
  };
}

/** What the services need to tell people: a mailer (null: in-app notices only) and the address of the app for links. */
export interface NoticeSettings {
  mailer: Mailer | null;
  /** E.g. https://nap1325.example.gob.mx — links in e-mails start with it. */
  publicUrl: string;
  /** Where a failed delivery is reported (never thrown: the notice in the app still stands). */
  onError?: (error: unknown) => void;
}

export const NO_MAIL: NoticeSettings = { mailer: null, publicUrl: 'http://127.0.0.1:3325' };
