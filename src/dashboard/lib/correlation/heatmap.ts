/**
 * The correlation heatmap: one cell per pair of symbols, coloured on a diverging scale from −1 to 1 and labelled
 * with its value. Text is dark on the pale middle of the scale and white on its saturated ends, in either theme.
 */
import * as Plot from "@observablehq/plot";

interface Cell {
  readonly row: string;
  readonly column: string;
  readonly value: number;
}

/** Side of one cell at most, px: two symbols should not fill a wide monitor. */
const MAX_CELL = 150;
const MARGIN_LEFT = 90;
const MARGIN_BOTTOM = 40;

/**
 * Draws the matrix.
 *
 * @param symbols row and column order
 * @param matrix `matrix[i][j]` correlates symbols i and j; NaN cells are left blank with a dash
 * @param width the space available, px
 */
export function correlationHeatmap(symbols: readonly string[], matrix: readonly (readonly number[])[], width: number): Element {
  const cells: Cell[] = symbols.flatMap((row, i) => symbols.map((column, j) => ({ row, column, value: matrix[i][j] })));
  const side = Math.max(40, Math.min(MAX_CELL, Math.floor((width - MARGIN_LEFT - 20) / symbols.length)));
  return Plot.plot({
    width: MARGIN_LEFT + side * symbols.length + 20,
    height: side * symbols.length + MARGIN_BOTTOM + 10,
    marginLeft: MARGIN_LEFT,
    marginBottom: MARGIN_BOTTOM,
    marginTop: 10,
    padding: 0.04,
    x: { domain: symbols, label: null, tickRotate: symbols.length > 6 ? -30 : 0 },
    y: { domain: symbols, label: null },
    color: { type: "diverging", domain: [-1, 1], pivot: 0, scheme: "RdBu", legend: true, label: "correlation of log returns" },
    marks: [
      Plot.cell(cells, { x: "column", y: "row", fill: "value", tip: true, title: (c: Cell) => `${c.row} / ${c.column}: ${format(c.value)}` }),
      Plot.text(cells, {
        x: "column",
        y: "row",
        text: (c: Cell) => format(c.value),
        fill: (c: Cell) => (Number.isFinite(c.value) && Math.abs(c.value) > 0.6 ? "white" : Number.isFinite(c.value) ? "black" : "currentColor"),
        fontSize: Math.max(11, Math.min(18, side / 6)),
        fontVariant: "tabular-nums",
      }),
    ],
  });
}

function format(v: number): string {
  return Number.isFinite(v) ? v.toFixed(2) : "–";
}
