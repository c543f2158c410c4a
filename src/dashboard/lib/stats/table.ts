/**
 * A table whose rows are replaced on every refresh while the reader's sort (click a header; again to reverse)
 * stays. It also answers what it shows, header and cells as text in the displayed order, for the CSV download.
 */
import { el } from "../common/ui.ts";

/** One column: its raw value sorts, its text is shown (and exported). */
export interface Column<R> {
  readonly key: string;
  readonly label: string;
  /** Tooltip of the header: what the column means. */
  readonly title?: string;
  readonly numeric?: boolean;
  readonly value: (row: R) => number | string;
  readonly text: (row: R) => string;
}

const STYLE = `
.tl-sort-table th{user-select:none}
.tl-sort-table th[data-numeric],.tl-sort-table td[data-numeric]{text-align:right}
.tl-sort-table th[aria-sort=ascending]::after,.tl-sort-table th[aria-sort=descending]::after{content:"▲";margin-left:.2em;color:var(--theme-foreground-muted)}
.tl-sort-table th[aria-sort=descending]::after{content:"▼"}
`;

/** Sorts numbers numerically with undefined values (NaN) last in either direction, text alphabetically. */
function compare(x: number | string, y: number | string, ascending: boolean): number {
  if (typeof x === "number" && typeof y === "number") {
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
    return (x - y) * (ascending ? 1 : -1);
  }
  return String(x).localeCompare(String(y)) * (ascending ? 1 : -1);
}

export class SortableTable<R> {
  readonly element: HTMLTableElement;
  readonly #columns: readonly Column<R>[];
  readonly #rowKey: (row: R) => string;
  readonly #body = el("tbody");
  readonly #headers: HTMLTableCellElement[];
  #rows: readonly R[] = [];
  #sortKey: string | null = null;
  #ascending = true;

  /**
   * @param columns the columns, in order
   * @param rowKey names a row (its `data-key`), e.g. the symbol
   * @param attrs attributes of the `<table>` (e.g. its data-testid)
   */
  constructor(columns: readonly Column<R>[], rowKey: (row: R) => string, attrs: Record<string, string> = {}) {
    if (document.getElementById("tl-sort-table-style") === null) document.head.append(el("style", { id: "tl-sort-table-style" }, STYLE));
    this.#columns = columns;
    this.#rowKey = rowKey;
    this.#headers = columns.map((c) =>
      el(
        "th",
        { "data-key": c.key, "data-numeric": c.numeric, title: c.title, scope: "col", tabindex: 0, "aria-sort": "none", onclick: () => this.sortBy(c.key), onkeydown: (e: Event) => (e as KeyboardEvent).key === "Enter" && this.sortBy(c.key) },
        c.label,
      ),
    );
    this.element = el("table", { className: "tl-table tl-sort-table", ...attrs }, el("thead", {}, el("tr", {}, ...this.#headers)), this.#body);
  }

  /** Replaces the rows (the sort stays). */
  setRows(rows: readonly R[]): void {
    this.#rows = rows;
    this.#render();
  }

  /** Sorts by a column: ascending first, reversed on a second click. */
  sortBy(key: string): void {
    this.#ascending = this.#sortKey === key ? !this.#ascending : true;
    this.#sortKey = key;
    this.element.dataset.sortKey = key;
    this.element.dataset.sortDirection = this.#ascending ? "ascending" : "descending";
    this.#render();
  }

  /** The header labels and every row's cell texts, in the order displayed. */
  shown(): { header: string[]; rows: string[][] } {
    return { header: this.#columns.map((c) => c.label), rows: this.#sorted().map((r) => this.#columns.map((c) => c.text(r))) };
  }

  #sorted(): R[] {
    const column = this.#columns.find((c) => c.key === this.#sortKey);
    const rows = [...this.#rows];
    if (column !== undefined) rows.sort((p, q) => compare(column.value(p), column.value(q), this.#ascending));
    return rows;
  }

  #render(): void {
    for (const [i, th] of this.#headers.entries()) {
      const active = this.#columns[i].key === this.#sortKey;
      // The arrow is drawn by CSS from aria-sort, so the header's text stays the column's label (as in the CSV).
      th.setAttribute("aria-sort", active ? (this.#ascending ? "ascending" : "descending") : "none");
    }
    this.#body.replaceChildren(
      ...this.#sorted().map((r) => el("tr", { "data-key": this.#rowKey(r) }, ...this.#columns.map((c) => el("td", { "data-numeric": c.numeric }, c.text(r))))),
    );
  }
}

/** CSV text (RFC 4180 quoting where a cell needs it), header line first. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\n") + "\n";
}
