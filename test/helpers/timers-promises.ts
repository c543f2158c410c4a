/**
 * `node:timers/promises` on the global timers, so vi.useFakeTimers() reaches code that waits with it: vitest 4's
 * fake timers patch the global setTimeout but not that module (vitest-dev/vitest#10871). A test file mocks the
 * module with it:
 *
 *   vi.mock("node:timers/promises", async () => (await import("../helpers/timers-promises.ts")).onGlobalTimers());
 *
 * With real timers in place it behaves as the module does (resolves with `value`, rejects with an AbortError whose
 * cause is the signal's reason).
 */
type SetTimeoutOptions = { readonly signal?: AbortSignal; readonly ref?: boolean };

function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error("The operation was aborted", { cause: signal.reason }), { name: "AbortError", code: "ABORT_ERR" });
}

export function onGlobalTimers() {
  const setTimeout = <T = void>(delay?: number, value?: T, options: SetTimeoutOptions = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const { signal } = options;
      if (signal?.aborted) {
        reject(abortError(signal));
        return;
      }
      const onAbort = () => {
        globalThis.clearTimeout(timer);
        reject(abortError(signal!));
      };
      const timer = globalThis.setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve(value as T);
      }, delay);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  return { setTimeout, default: { setTimeout } };
}
