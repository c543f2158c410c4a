/**
 * The Data page's stylesheet (upload and export forms, problem list, SQL console), added once. Theme variables
 * only, so light and dark both read well; widths flow with the container.
 */
import { el } from "../common/ui.ts";

const STYLE = `
.tl-data-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,30rem),1fr));gap:1rem;align-items:start}
.tl-data-form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:start}
.tl-data-form>.tl-form-actions{flex-basis:100%;margin-top:.25rem}
.tl-field{display:flex;flex-direction:column;gap:.2rem;font-size:12px}
.tl-field>span{color:var(--theme-foreground-muted)}
.tl-field input,.tl-field select{font:inherit;font-size:14px;padding:.2rem .3rem;max-width:100%}
.tl-field input[type=number]{width:7rem}
.tl-field[hidden]{display:none}
.tl-inline{flex-direction:row;align-items:center;gap:.4rem}
.tl-form-actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin-top:.75rem}
.tl-form-actions button{font:inherit;font-size:13px;padding:.25rem .8rem;cursor:pointer}
.tl-form-actions progress{width:12rem}
.tl-form-actions progress[hidden]{display:none}
.tl-muted{color:var(--theme-foreground-muted);font-size:13px}
.tl-upload-errors{max-width:none;max-height:20rem;overflow:auto;padding-left:1.2rem;margin:.25rem 0}
.tl-upload-errors li{margin:.15rem 0}
.tl-problem-line{font-weight:600;margin-right:.5rem;font-variant-numeric:tabular-nums}
.tl-upload-errors code{margin-right:.4rem}
.tl-definitions{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;font-size:13px;margin:.25rem 0}
.tl-definitions dt{color:var(--theme-foreground-muted)}
.tl-definitions dd{margin:0;overflow-wrap:anywhere}
.tl-button-link{display:inline-block;font-size:13px;padding:.25rem .8rem;border:1px solid var(--theme-foreground-faint);border-radius:4px;text-decoration:none}
.tl-button-link[aria-disabled=true]{opacity:.5;pointer-events:none}
.tl-export-url{display:block;font-size:12px;margin-top:.5rem;overflow-wrap:anywhere;color:var(--theme-foreground-muted)}
[data-testid=sql-input]{width:100%;box-sizing:border-box;font-family:var(--monospace,monospace);font-size:13px;padding:.4rem;resize:vertical}
.tl-sql-error{margin:.5rem 0;background:none;padding:0}
.tl-sql-result{overflow:auto;max-height:32rem}
.tl-sql-result .tl-table{max-width:none}
`;

/** Adds the Data page's stylesheet once. */
export function ensureDataStyles(): void {
  if (document.getElementById("tl-data-style") !== null) return;
  document.head.append(el("style", { id: "tl-data-style" }, STYLE));
}
