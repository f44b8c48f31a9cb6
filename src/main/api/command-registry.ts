/**
 * Handlers for the contract's commands. Names must be in the contract and registered once;
 * every input is validated against the command's schema before its handler sees it.
 */
import {
  commands,
  commandNames,
  isCommandName,
  type CommandName,
  type CommandOutput,
  type ParsedCommandInput,
} from '@shared/api/contract';
import { ApiFailure, type ApiError, type ErrorCode, type Result } from '@shared/api/errors';
import type { z } from 'zod';
import { errorMessage, type Logger } from '../util/logger';

export type Handler<N extends CommandName> = (
  input: ParsedCommandInput<N>,
) => CommandOutput<N> | Promise<CommandOutput<N>>;

type AnyHandler = (input: unknown) => unknown;

/** At most this many schema problems are reported back, so a garbage input stays small. */
const MAX_ISSUES = 10;

export class CommandRegistry {
  private readonly handlers = new Map<CommandName, AnyHandler>();

  constructor(
    private readonly log: Logger,
    /** Check handler outputs against the contract too (tests and development). */
    private readonly validateOutput = false,
  ) {}

  register<N extends CommandName>(name: N, handler: Handler<N>): void {
    if (!isCommandName(name)) throw new Error(`"${String(name)}" is not a command of the contract`);
    if (this.handlers.has(name)) throw new Error(`command "${name}" is already registered`);
    this.handlers.set(name, handler as AnyHandler);
  }

  /** Contract commands without a handler: the core asserts this is empty at start-up. */
  unregistered(): CommandName[] {
    return commandNames.filter((n) => !this.handlers.has(n));
  }

  async dispatch(name: unknown, input: unknown): Promise<Result<unknown>> {
    if (!isCommandName(name)) {
      return fail({
        code: 'UNKNOWN_COMMAND',
        message: `Unknown command "${String(name).slice(0, 100)}".`,
      });
    }
    const handler = this.handlers.get(name);
    if (!handler) {
      return fail({ code: 'NOT_AVAILABLE', message: `Command "${name}" is not available here.` });
    }
    const parsed = commands[name].input.safeParse(input);
    if (!parsed.success) return fail(invalidInput(name, parsed.error));
    try {
      const value = await handler(parsed.data);
      if (this.validateOutput) commands[name].output.parse(value);
      return { ok: true, value };
    } catch (e) {
      if (e instanceof ApiFailure) return fail(this.declared(name, e));
      this.log.error('command failed', { command: name, error: errorMessage(e) });
      return fail({ code: 'INTERNAL', message: `Command "${name}" failed inside the core.` });
    }
  }

  /**
   * A handler's coded failure, checked against the codes its command declares. An undeclared
   * code is a bug: with contract validation on (tests, development) it becomes INTERNAL so the
   * test fails; in the app it is logged and passed on, since the trader still needs the words.
   */
  private declared(name: CommandName, e: ApiFailure): ApiError {
    const error = e.toApiError();
    const allowed: readonly ErrorCode[] = commands[name].errors;
    if (allowed.includes(error.code) || REGISTRY_CODES.has(error.code)) return error;
    this.log.error('command failed with an undeclared error code', {
      command: name,
      code: error.code,
    });
    if (!this.validateOutput) return error;
    return {
      code: 'INTERNAL',
      message: `Command "${name}" failed with ${error.code}, which the contract does not declare for it.`,
    };
  }
}

/** Codes any command may answer with, whatever its declaration: the registry's own. */
const REGISTRY_CODES: ReadonlySet<ErrorCode> = new Set(['INVALID_INPUT', 'INTERNAL']);

function fail(error: ApiError): Result<never> {
  return { ok: false, error };
}

/** INVALID_INPUT with every problem (up to a cap) as `path: message` details. */
export function invalidInput(what: string, error: z.ZodError): ApiError {
  const details: Record<string, string> = {};
  for (const issue of error.issues.slice(0, MAX_ISSUES)) {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(input)';
    details[path] = details[path] ? `${details[path]}; ${issue.message}` : issue.message;
  }
  return { code: 'INVALID_INPUT', message: `Invalid input for ${what}.`, details };
}
