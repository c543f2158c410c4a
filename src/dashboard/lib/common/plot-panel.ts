/**
 * A titled panel holding one Plot chart that fits its container's width: the page hands it a function of the
 * width, and the panel draws it now and again whenever its width changes (a resized window or sidebar), without
 * recomputing the data. Panels sit in a responsive grid: one column on a laptop, two on a wide monitor.
 */
import { el } from "./ui.ts";

/** A mounted chart panel. */
export interface PlotPanel {
  /** The `<figure>` (with the panel's data-testid) to place on the page. */
  readonly element: HTMLElement;
  /** Draws the chart with `build(width)`, and again on every width change. */
  show(build: (width: number) => Element): void;
  /** Replaces the line under the heading. */
  subtitle(text: string): void;
  /** Replaces the chart with a line of text (too little data, a refusal). */
  message(text: string): void;
  /** Stops following the width. */
  dispose(): void;
}

const STYLE = `
.tl-panels{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,460px),1fr));gap:1rem;margin:.5rem 0}
.tl-panel{margin:0;min-width:0}
.tl-panel>h3{font-size:14px;font-weight:600;margin:0 0 .15rem}
.tl-panel>.tl-panel-subtitle{font-size:12px;color:var(--theme-foreground-muted);margin:0 0 .35rem}
.tl-panel-body{min-height:120px}
.tl-panel-body svg{overflow:visible}
.tl-muted{color:var(--theme-foreground-muted);font-size:13px}
.tl-note-strong{font-size:14px;margin:.5rem 0;padding:.5rem .75rem;border-left:3px solid #ff7f0e;background:var(--theme-background-alt)}
`;

/** Adds the panels' stylesheet once. */
export function ensurePanelStyles(): void {
  if (document.getElementById("tl-panel-style") !== null) return;
  document.head.append(el("style", { id: "tl-panel-style" }, STYLE));
}

/** A grid that lays panels out side by side when there is room. */
export function panelGrid(...panels: HTMLElement[]): HTMLElement {
  ensurePanelStyles();
  return el("div", { className: "tl-panels" }, ...panels);
}

/**
 * Makes a chart panel.
 *
 * @param testid the figure's data-testid
 * @param title heading above the chart
 * @param subtitle optional line under the heading (what the chart shows, units)
 */
export function plotPanel(testid: string, title: string, subtitle?: string): PlotPanel {
  ensurePanelStyles();
  const body = el("div", { className: "tl-panel-body" });
  const sub = el("p", { className: "tl-panel-subtitle" }, subtitle ?? "");
  const element = el("figure", { className: "tl-panel", "data-testid": testid }, el("h3", {}, title), sub, body);
  let build: ((width: number) => Element) | null = null;
  let drawnWidth = 0;
  let frame = 0;

  const draw = () => {
    frame = 0;
    if (build === null) return;
    drawnWidth = body.clientWidth;
    if (drawnWidth === 0) return; // not laid out yet (detached or hidden): the observer calls again
    body.replaceChildren(build(drawnWidth));
  };
  // Redraw on the next frame, not inside the observer's callback: a redraw there could change the size it observes.
  const observer = new ResizeObserver(() => {
    if (build !== null && body.clientWidth !== drawnWidth && frame === 0) frame = requestAnimationFrame(draw);
  });
  observer.observe(body);

  return {
    element,
    show(next) {
      build = next;
      draw();
    },
    subtitle(text) {
      sub.textContent = text;
    },
    message(text) {
      build = null;
      body.replaceChildren(el("p", { className: "tl-muted" }, text));
    },
    dispose() {
      observer.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
    },
  };
}
