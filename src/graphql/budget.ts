/**
 * A budget per operation, enforced while it executes: wall-clock time (OPERATION_TIMEOUT_MS) and the size
 * of the answer (RESPONSE_MAX_BYTES, estimated field by field). Over budget, or once the client has gone,
 * the operation's signal aborts: its Neo4j reads are cancelled, no further field resolves, and the answer is
 * one error with a clear code instead of a partial result.
 */
import type { ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GraphReader } from '../db/database.js';
import { RETRY_AFTER_SECONDS } from './errors.js';

export interface BudgetSettings {
  operationTimeoutMs: number;
  responseMaxBytes: number;
}

export type BudgetCode = 'OPERATION_TOO_LONG' | 'RESPONSE_TOO_LARGE' | 'CLIENT_CLOSED_REQUEST';

/** Why an operation stopped before its end; `status` is the HTTP status of the answer. */
export class BudgetExceededError extends GraphQLError {
  constructor(
    readonly code: BudgetCode,
    readonly status: number,
    message: string,
  ) {
    super(message, { extensions: { code } });
    this.name = 'BudgetExceededError';
  }
}

/** How often (in resolved fields) the clock is read: the timer cannot fire while execution holds the loop. */
const CLOCK_EVERY_FIELDS = 64;

export class OperationBudget {
  private readonly controller = new AbortController();
  readonly signal = this.controller.signal;
  private readonly deadline: number;
  private readonly timer: NodeJS.Timeout;
  private bytes = 0;
  private fields = 0;

  constructor(
    private readonly settings: BudgetSettings,
    response?: ServerResponse,
    /** When the request arrived (performance.now()): its wait for a parser and a context counts too. */
    startedAt = performance.now(),
  ) {
    this.deadline = startedAt + settings.operationTimeoutMs;
    this.timer = setTimeout(() => this.abort(this.tooLong()), Math.max(0, this.deadline - performance.now()));
    this.timer.unref();
    // The client hung up before its answer: nobody will read it, stop the work.
    response?.once('close', () => {
      if (!response.writableFinished) this.abort(new BudgetExceededError('CLIENT_CLOSED_REQUEST', 499, 'The client closed the request'));
      this.end();
    });
  }

  /** The same reads, cancelled when the budget runs out. */
  reader(db: GraphReader): GraphReader {
    return {
      read: (name, params, stats) => db.read(name, params, stats, this.signal),
      readStream: (name, params, onRecord) => db.readStream(name, params, onRecord),
      ping: (deadlineMs) => db.ping(deadlineMs),
    };
  }

  /** Throws the reason the operation must stop, if any. */
  check(): void {
    if (++this.fields % CLOCK_EVERY_FIELDS === 0 && performance.now() > this.deadline) this.abort(this.tooLong());
    this.signal.throwIfAborted();
  }

  /** Counts a resolved field towards the answer's size (its name, punctuation and scalar value). */
  count(fieldName: string, value: unknown): void {
    this.bytes += fieldName.length + 4 + (typeof value === 'string' ? value.length : typeof value === 'object' ? 2 : 8);
    if (this.bytes > this.settings.responseMaxBytes && !this.signal.aborted) {
      this.abort(
        new BudgetExceededError(
          'RESPONSE_TOO_LARGE',
          422,
          `The answer would be larger than ${this.settings.responseMaxBytes} bytes; ask for smaller pages (first) or fewer fields`,
        ),
      );
    }
  }

  get exceeded(): BudgetExceededError | undefined {
    return this.signal.aborted ? (this.signal.reason as BudgetExceededError) : undefined;
  }

  end(): void {
    clearTimeout(this.timer);
  }

  private tooLong(): BudgetExceededError {
    return new BudgetExceededError(
      'OPERATION_TOO_LONG',
      503,
      `The operation ran longer than ${this.settings.operationTimeoutMs} ms; narrow it (smaller pages, fewer hops or depth)`,
    );
  }

  private abort(reason: BudgetExceededError): void {
    if (!this.signal.aborted) this.controller.abort(reason);
  }
}

/** Where a request's context holds its budget (a symbol: Apollo copies the context's own properties). */
const BUDGET = Symbol('operationBudget');

/** Ties a budget to a request's context, where the plugin finds it. */
export function withBudget<C extends object>(context: C, budget: OperationBudget): C {
  return Object.assign(context, { [BUDGET]: budget });
}

/** Stops resolving fields once the budget is spent and answers the budget's error alone. */
export const budgetPlugin: ApolloServerPlugin<object> = {
  async requestDidStart({ contextValue }) {
    const budget = (contextValue as { [BUDGET]?: OperationBudget })[BUDGET];
    if (!budget) return;
    return {
      async executionDidStart() {
        return {
          willResolveField({ info }) {
            budget.check();
            return (error, result) => {
              if (!error) budget.count(info.fieldName, result);
            };
          },
        };
      },
      async willSendResponse({ response }) {
        budget.end();
        const exceeded = budget.exceeded;
        if (!exceeded || response.body.kind !== 'single') return;
        // One clear error instead of a partial answer with an error per unresolved field.
        response.body.singleResult = {
          data: null,
          errors: [{ message: exceeded.message, extensions: { code: exceeded.code } }],
        };
        response.http.status = exceeded.status;
        if (exceeded.status === 503) response.http.headers.set('retry-after', RETRY_AFTER_SECONDS);
      },
    };
  },
};
