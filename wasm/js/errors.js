// The one error class of the package. The modules throw plain `Error`s carrying the core's
// structured error (`name`, `code`, `path`, `errors`, words from the core's catalogue); the entry
// points pass every call through `guard`, which gives those errors this prototype, so that
// `e instanceof XianjieError` holds whichever module threw (the checking and the full module are
// two instances of one crate, and a class created inside either would differ from the other's).

/** What `check` and friends throw (or reject with): `name`, `code`, `path` and `errors` from the core. */
export class XianjieError extends Error {
  /**
   * @param {string} message
   * @param {{name?: string, code?: string, path?: string, errors?: unknown[], cause?: unknown}} [fields]
   */
  constructor(message, fields = {}) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.name = fields.name ?? 'XianjieError';
    this.code = fields.code ?? '';
    this.path = fields.path ?? '';
    this.errors = fields.errors ?? [];
  }
}

// The names the binding gives its errors (wasm/src/lib.rs, `js_error`).
const NAMES = new Set(['InputError', 'PackError', 'ReferenceError']);

/** `e` as a `XianjieError` if the binding threw it (own properties and stack kept); else `e`. */
function adopt(e) {
  if (e instanceof Error && !(e instanceof XianjieError) && NAMES.has(e.name) && typeof e.code === 'string') {
    Object.setPrototypeOf(e, XianjieError.prototype);
  }
  return e;
}

/** `f`, with what it throws (or its promise rejects with) adopted. */
export function guard(f) {
  return function guarded(...args) {
    let r;
    try {
      r = f(...args);
    } catch (e) {
      throw adopt(e);
    }
    return r instanceof Promise
      ? r.catch((e) => {
          throw adopt(e);
        })
      : r;
  };
}
