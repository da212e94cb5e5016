/** Schemas of the notices API (/api/notices…). Imports only zod, so the web reads the answer types from here. */
import { z } from 'zod';

const localized = z.object({ es: z.string(), en: z.string() });

export const noticeListSchema = z.object({
  unread: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      title: localized,
      body: localized,
      /** An application path without the language, e.g. /app/submission?period=2023. */
      link: z.string(),
      createdAt: z.string(),
      read: z.boolean(),
    }),
  ),
});
export type NoticeList = z.infer<typeof noticeListSchema>;

export const markReadBody = z.strictObject({ ids: z.array(z.uuid()).max(200).optional(), all: z.boolean().optional() });
export const unreadSchema = z.object({ unread: z.number() });
