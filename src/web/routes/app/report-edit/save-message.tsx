import { ApiError } from '../../../api/client.js';
import type { Lang } from './draft.js';

/** What a save or a move answered: a confirmation, or the error with each problem's field. */
export interface Message {
  ok: boolean;
  text: string;
  problems?: string[];
}

export const Message = {
  of(err: unknown, generic: string, lang: Lang): Message {
    if (!(err instanceof ApiError)) return { ok: false, text: generic };
    const problems = (err.problems ?? []) as { field: string | null; message: Record<Lang, string> }[];
    return { ok: false, text: err.message, problems: problems.map((p) => `${p.field ?? ''}: ${p.message[lang]}`) };
  },
};

export function SaveMessage({ message }: { message: Message | null }) {
  if (!message) return null;
  return (
    <div className={message.ok ? undefined : 'error'} role={message.ok ? 'status' : 'alert'}>
      <p>{message.text}</p>
      {message.problems && message.problems.length > 0 && (
        <ul>
          {message.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
