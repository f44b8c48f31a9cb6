/**
 * Messages both transports carry: the renderer sends ClientMessages, the core answers with
 * ServerMessages. The IPC transport passes them as structured clones, the WebSocket as JSON.
 */
import { z } from 'zod';
import type { ApiErrorSchema } from './errors';

/** Largest client message the core reads (the WebSocket transport enforces it). */
export const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;

/**
 * WebSocket close code for a page whose token this core does not know (it restarted with a new
 * one): the page stops retrying and asks for the new address. 4000–4999 is for applications.
 */
export const SESSION_ENDED_CLOSE_CODE = 4401;

const id = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call'), id, name: z.string().max(100), input: z.unknown() }).strict(),
  z.object({ type: z.literal('subscribe'), id, stream: z.string().max(100) }).strict(),
  z.object({ type: z.literal('unsubscribe'), id }).strict(),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export type ServerMessage =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: z.infer<typeof ApiErrorSchema> }
  /** One event of subscription `id`. */
  | { type: 'event'; id: number; stream: string; data: unknown }
  /** A subscription the core ended (unknown stream, core stopping). */
  | { type: 'ended'; id: number; error: z.infer<typeof ApiErrorSchema> }
  /** A frame that could not be tied to a call: malformed, too large. */
  | { type: 'error'; error: z.infer<typeof ApiErrorSchema> };
