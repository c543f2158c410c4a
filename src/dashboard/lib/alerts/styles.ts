/**
 * The Alerts page's stylesheet (form grid, rule rows, event lists, severity badges), added once. Colours come from
 * the Framework theme variables, so light and dark both read well; widths flow with the container.
 */
import { el } from "../common/ui.ts";

const STYLE = `
.tl-alerts-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,30rem),1fr));gap:1rem;align-items:start}
.tl-alert-form fieldset{border:none;border-top:1px solid var(--theme-foreground-faintest);margin:.4rem 0;padding:.5rem 0 0;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end}
.tl-alert-form legend{font-size:12px;font-weight:600;color:var(--theme-foreground-muted);padding-right:.4rem}
.tl-form-heading{margin:0 0 .25rem;font-size:15px}
.tl-field{display:flex;flex-direction:column;gap:.2rem;font-size:12px}
.tl-field>span{color:var(--theme-foreground-muted)}
.tl-field input,.tl-field select{font:inherit;font-size:14px;padding:.2rem .3rem;max-width:100%}
.tl-field input[type=number]{width:7rem}
.tl-field[hidden]{display:none}
.tl-check{flex-direction:row;align-items:center;gap:.35rem;font-size:14px}
.tl-check>span{color:inherit}
.tl-field [aria-invalid=true]{outline:2px solid #d62728;outline-offset:1px}
.tl-field-error{flex-basis:100%;margin:.1rem 0 .3rem}
.tl-field-error:empty{display:none}
.tl-form-actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin-top:.75rem}
.tl-form-status{font-size:13px;color:var(--theme-foreground-muted)}
.tl-alert-form button,.tl-rules button,.tl-events button,[data-testid=alert-ack-all]{font:inherit;font-size:13px;padding:.2rem .6rem;cursor:pointer}
.tl-backtest{font-size:13px}
.tl-backtest-controls{font-size:13px}
.tl-fire-times{max-height:14rem;overflow:auto;margin:.25rem 0;font-variant-numeric:tabular-nums}
.tl-muted{color:var(--theme-foreground-muted);font-size:13px}
.tl-scroll{overflow-x:auto}
.tl-rules,.tl-events,.tl-fire-times,.tl-backtest p{max-width:none}
.tl-rules td{vertical-align:middle}
.tl-rules tr.tl-disabled td{color:var(--theme-foreground-muted)}
.tl-rules .tl-rule-name{font-weight:600;margin-bottom:.15rem}
[data-testid=alert-ack-all]{margin-top:.5rem}
.tl-row-actions{white-space:nowrap}
.tl-row-actions button{margin-right:.3rem}
.tl-danger[data-confirm=pending]{color:#fff;background:#d62728;border-color:#d62728}
.tl-badge{display:inline-block;font-size:11px;padding:0 .4rem;border-radius:3px;border:1px solid currentColor;text-transform:uppercase;letter-spacing:.03em}
.tl-badge.tl-info{color:#1f77b4}.tl-badge.tl-warning{color:#ff7f0e}.tl-badge.tl-critical{color:#d62728}
.tl-events{list-style:none;padding:0;margin:0;max-height:24rem;overflow:auto}
.tl-event{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center;padding:.35rem 0;border-bottom:1px solid var(--theme-foreground-faintest);font-size:13px}
.tl-event time{font-variant-numeric:tabular-nums;color:var(--theme-foreground-muted)}
.tl-event-message{flex:1 1 20rem}
.tl-acked{opacity:.7}
.tl-acked-mark{color:#2ca02c}
`;

/** Adds the Alerts page's stylesheet once. */
export function ensureAlertStyles(): void {
  if (document.getElementById("tl-alerts-style") !== null) return;
  document.head.append(el("style", { id: "tl-alerts-style" }, STYLE));
}
