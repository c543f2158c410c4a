/**
 * Small DOM helpers for the pages: elements, controls that work with Framework's `view()` (an element with a
 * `value` that dispatches `input`), the shared stylesheet, notifications and a tone.
 */
import { STORED_TIMEFRAMES, TIMEFRAME_PATTERN, TIMEFRAME_RULE } from "../../../engine/vocabulary.ts";

type Attrs = Record<string, string | number | boolean | ((event: Event) => void) | undefined>;

/** Creates an element with attributes (`on*` functions become listeners) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === "function") node.addEventListener(k.slice(2), v);
    else if (k === "className") node.className = String(v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

/** A labelled `<select>`; its value is the chosen option. */
export function select(label: string, options: readonly string[], value: string, name = label.toLowerCase()): HTMLElement & { value: string } {
  const s = el("select", { name, "aria-label": label });
  for (const o of options) s.append(el("option", { value: o }, o));
  s.value = value;
  return labelled(label, [s]);
}

/** A labelled number input; its value is a number. */
export function numberInput(label: string, value: number, options: { min?: number; max?: number; step?: number; name?: string } = {}): HTMLElement & { value: number } {
  const input = el("input", { type: "number", name: options.name ?? label.toLowerCase(), value, min: options.min, max: options.max, step: options.step ?? "any", "aria-label": label });
  const wrapper = labelled(label, [input], false) as HTMLElement & { value: number };
  input.addEventListener("input", (e) => {
    e.stopPropagation();
    if (input.value !== "" && Number.isFinite(Number(input.value))) wrapper.dispatchEvent(new Event("input", { bubbles: true }));
  });
  Object.defineProperty(wrapper, "value", { get: () => Number(input.value) });
  return wrapper;
}

/** A form field: the control under its label; `when` names the condition under which it is shown. */
export function field(label: string, control: HTMLElement, when?: string): HTMLElement {
  return el("label", { className: "tl-field", "data-when": when }, el("span", {}, label), control);
}

/** A named select of values (each its own label) or of `[value, label]` pairs. */
export function selectOf(name: string, options: readonly (string | readonly [string, string])[]): HTMLSelectElement {
  return el("select", { name }, ...options.map((o) => (typeof o === "string" ? [o, o] : o)).map(([value, label]) => el("option", { value }, label)));
}

/**
 * Timeframe: one of the stored widths (1s, 1m, 5m) or a custom `Ns/Nm/Nh/1d`; the value stays the last valid one
 * while a custom text is typed.
 */
export function timeframeInput(value = "1m"): HTMLElement & { value: string } {
  const presets: string[] = [...STORED_TIMEFRAMES, "custom"];
  const choose = el("select", { name: "timeframe", "aria-label": "Timeframe" });
  for (const p of presets) choose.append(el("option", { value: p }, p));
  const custom = el("input", { type: "text", name: "timeframe-custom", placeholder: "e.g. 15s, 15m, 1h", size: 8, "aria-label": "Custom timeframe" });
  let current = value;
  choose.value = presets.includes(value) ? value : "custom";
  if (choose.value === "custom") custom.value = value;
  custom.hidden = choose.value !== "custom";
  const wrapper = labelled("Timeframe", [choose, custom], false) as HTMLElement & { value: string };
  Object.defineProperty(wrapper, "value", { get: () => current });
  const update = () => {
    custom.hidden = choose.value !== "custom";
    const next = choose.value === "custom" ? custom.value.trim() : choose.value;
    if (!TIMEFRAME_PATTERN.test(next)) {
      custom.setCustomValidity(choose.value === "custom" && next !== "" ? TIMEFRAME_RULE : "");
      return;
    }
    custom.setCustomValidity("");
    current = next;
    wrapper.dispatchEvent(new Event("input", { bubbles: true }));
  };
  choose.addEventListener("input", (e) => (e.stopPropagation(), update()));
  custom.addEventListener("change", (e) => (e.stopPropagation(), update()));
  custom.addEventListener("input", (e) => e.stopPropagation());
  return wrapper;
}

/** Wraps controls in a `<label>`; with `relay`, the first control's value and input events become the wrapper's. */
function labelled(label: string, controls: HTMLElement[], relay = true): HTMLElement & { value: any } {
  const wrapper = el("label", { className: "tl-control" }, el("span", {}, label), ...controls) as unknown as HTMLElement & { value: any };
  if (!relay) return wrapper;
  const first = controls[0] as HTMLInputElement;
  Object.defineProperty(wrapper, "value", { get: () => first.value, set: (v) => (first.value = v), configurable: true });
  first.addEventListener("input", (e) => {
    e.stopPropagation();
    wrapper.dispatchEvent(new Event("input", { bubbles: true }));
  });
  return wrapper;
}

/** A row of controls. */
export function controls(...items: HTMLElement[]): HTMLElement {
  return el("div", { className: "tl-controls" }, ...items);
}

/** A plain table of rows (header from the keys of the first row), optional click-to-sort headers. */
export function table(rows: readonly Record<string, unknown>[], options: { sortable?: boolean; format?: (key: string, value: unknown) => string } = {}): HTMLTableElement {
  const format = options.format ?? ((_k: string, v: unknown) => (typeof v === "number" ? formatNumber(v) : v === null || v === undefined ? "" : String(v)));
  const keys = rows.length > 0 ? Object.keys(rows[0]) : [];
  const t = el("table", { className: "tl-table" });
  let sortKey: string | null = null;
  let ascending = true;
  const render = () => {
    const sorted = [...rows];
    if (sortKey !== null) {
      const k = sortKey;
      sorted.sort((a, b) => {
        const x = a[k] as number | string;
        const y = b[k] as number | string;
        return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
      });
    }
    const head = el("tr", {}, ...keys.map((k) => el("th", { "data-key": k, onclick: options.sortable ? () => sortBy(k) : undefined }, k + (k === sortKey ? (ascending ? " ▲" : " ▼") : ""))));
    t.replaceChildren(el("thead", {}, head), el("tbody", {}, ...sorted.map((r) => el("tr", {}, ...keys.map((k) => el("td", {}, format(k, r[k])))))));
  };
  const sortBy = (k: string) => {
    ascending = sortKey === k ? !ascending : true;
    sortKey = k;
    render();
  };
  render();
  return t;
}

/** A number with sensible precision for prices, ratios and p-values. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return "–";
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e9)) return v.toExponential(3);
  return v.toLocaleString("en-US", { maximumFractionDigits: a >= 1000 ? 2 : a >= 1 ? 4 : 6 });
}

/** Shows a transient notification in the page corner; `level` colours it. */
export function notify(message: string, level: "info" | "warning" | "critical" | "error" = "info"): void {
  let box = document.querySelector<HTMLElement>(".tl-toasts");
  if (box === null) {
    box = el("div", { className: "tl-toasts", role: "status", "aria-live": "polite" });
    document.body.append(box);
  }
  const toast = el("div", { className: `tl-toast tl-${level}` }, message);
  box.append(toast);
  setTimeout(() => toast.remove(), 8_000);
}

/** A short two-tone beep (Web Audio; no file to fetch). */
export function beep(): void {
  const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (Ctx === undefined) return;
  const ctx = new Ctx();
  for (const [i, f] of [880, 660].entries()) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = f;
    gain.gain.value = 0.08;
    osc.connect(gain).connect(ctx.destination);
    osc.start(ctx.currentTime + i * 0.15);
    osc.stop(ctx.currentTime + i * 0.15 + 0.12);
  }
  setTimeout(() => void ctx.close(), 600);
}

/** Offers `text` as a file download. */
export function download(filename: string, text: string, type = "text/csv"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const STYLE = `
.tl-controls{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:.5rem 0 1rem}
.tl-control{display:flex;flex-direction:column;font-size:12px;gap:.2rem}
.tl-control>span{color:var(--theme-foreground-muted)}
.tl-control input,.tl-control select{font:inherit;font-size:14px;padding:.2rem .3rem}
.tl-status{display:flex;gap:1rem;align-items:center;font-size:13px;margin:.25rem 0 .75rem;flex-wrap:wrap}
.tl-dot{display:inline-block;width:.6rem;height:.6rem;border-radius:50%;margin-right:.35rem;background:#999}
.tl-live .tl-dot{background:#2ca02c}.tl-reconnecting .tl-dot,.tl-connecting .tl-dot{background:#ff7f0e}
.tl-table{border-collapse:collapse;font-size:13px;font-variant-numeric:tabular-nums}
.tl-table th{cursor:pointer;text-align:left;border-bottom:1px solid var(--theme-foreground-faint);padding:.25rem .5rem;white-space:nowrap}
.tl-table td{padding:.2rem .5rem;border-bottom:1px solid var(--theme-foreground-faintest)}
.tl-toasts{position:fixed;right:1rem;bottom:1rem;display:flex;flex-direction:column;gap:.5rem;z-index:1000;max-width:28rem}
.tl-toast{padding:.6rem .8rem;border-radius:6px;background:var(--theme-background-alt);border-left:4px solid #1f77b4;box-shadow:0 2px 8px #0003;font-size:13px}
.tl-warning{border-color:#ff7f0e}.tl-critical,.tl-error{border-color:#d62728}
.tl-error-text{color:#d62728;white-space:pre-wrap;font-size:13px}
.tl-card{border:1px solid var(--theme-foreground-faintest);border-radius:6px;padding:.75rem;margin:.5rem 0}
.tl-verdict{font-size:14px;margin:.25rem 0}
.tl-chart{width:100%;height:420px;position:relative}
.tl-tooltip{position:absolute;z-index:10;pointer-events:none;font-size:12px;background:var(--theme-background-alt);padding:.3rem .5rem;border-radius:4px;box-shadow:0 1px 4px #0003;white-space:pre}
`;

/** Adds the dashboard's stylesheet once. */
export function ensureStyles(): void {
  if (document.getElementById("tl-style") !== null) return;
  document.head.append(el("style", { id: "tl-style" }, STYLE));
}
