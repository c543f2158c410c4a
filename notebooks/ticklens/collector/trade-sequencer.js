/**
 * Per-symbol trade-id continuity. Binance ids are contiguous per symbol, so a jump means frames were lost: the
 * missing range is recorded as a hole to backfill, a repeated id is a duplicate, and a late id that falls in a
 * hole fills it (out-of-order delivery, or the backfill itself).
 */
export class TradeSequencer {
    state = new Map();
    gapsFound = 0;
    duplicates = 0;
    notMarketTrades = 0;
    /** @param lastStoredIds highest id already stored per symbol (resume after a restart or a crash). */
    constructor(lastStoredIds = new Map()) {
        for (const [symbol, lastId] of lastStoredIds)
            this.state.set(symbol, { lastId, holes: [], first: null, early: new Set() });
    }
    /**
     * True when the trade is new (store it); false for a duplicate (drop it).
     * @param earlyGraceMs after the very first trade of a symbol with no history, older ids arriving this soon are
     *   still taken (frames can come slightly out of order); history before the first trade is not claimed as a hole
     */
    accept(symbol, id, now, earlyGraceMs = 2_000) {
        const s = this.state.get(symbol);
        if (s === undefined) {
            this.state.set(symbol, { lastId: id, holes: [], first: { id, at: now }, early: new Set() });
            return true;
        }
        if (s.first !== null && id < s.first.id && now - s.first.at <= earlyGraceMs) {
            if (s.early.has(id)) {
                this.duplicates++;
                return false;
            }
            s.early.add(id);
            return true;
        }
        if (id > s.lastId) {
            if (id > s.lastId + 1) {
                s.holes.push({ fromId: s.lastId + 1, toId: id - 1, foundAt: now, gap: this.gapsFound++ });
            }
            s.lastId = id;
            return true;
        }
        if (this.fillHole(s, id))
            return true;
        this.duplicates++;
        return false;
    }
    /** Holes older than `graceMs` (younger ones may still fill from out-of-order frames), oldest first. */
    holesDue(now, graceMs) {
        const due = [];
        for (const [symbol, s] of this.state) {
            for (const h of s.holes) {
                if (now - h.foundAt >= graceMs)
                    due.push({ symbol, fromId: h.fromId, toId: h.toId, foundAt: h.foundAt });
            }
        }
        return due.sort((a, b) => a.foundAt - b.foundAt);
    }
    /**
     * Closes what is left of the holes in [fromId, toId] after a REST page that covered that range was taken:
     * REST lists market trades contiguously, so an id it skipped is not one (a futures off-book event).
     */
    closeCovered(symbol, fromId, toId) {
        const s = this.state.get(symbol);
        if (s === undefined)
            return;
        const kept = [];
        for (const h of s.holes) {
            if (h.toId < fromId || h.fromId > toId) {
                kept.push(h);
                continue;
            }
            this.notMarketTrades += Math.min(h.toId, toId) - Math.max(h.fromId, fromId) + 1;
            if (h.fromId < fromId)
                kept.push({ ...h, toId: fromId - 1 });
            if (h.toId > toId)
                kept.push({ ...h, fromId: toId + 1 });
        }
        s.holes = kept;
    }
    /** Highest id seen per symbol. */
    lastIds() {
        return new Map([...this.state].map(([symbol, s]) => [symbol, s.lastId]));
    }
    counters() {
        let missingIds = 0;
        const openGaps = new Set();
        for (const s of this.state.values()) {
            for (const h of s.holes) {
                missingIds += h.toId - h.fromId + 1;
                openGaps.add(h.gap);
            }
        }
        return {
            gapsFound: this.gapsFound,
            gapsFilled: this.gapsFound - openGaps.size,
            missingIds,
            duplicates: this.duplicates,
            notMarketTrades: this.notMarketTrades,
        };
    }
    fillHole(s, id) {
        const index = s.holes.findIndex((h) => id >= h.fromId && id <= h.toId);
        if (index < 0)
            return false;
        const h = s.holes[index];
        const pieces = [];
        if (h.fromId < id)
            pieces.push({ ...h, toId: id - 1 });
        if (id < h.toId)
            pieces.push({ ...h, fromId: id + 1 });
        s.holes.splice(index, 1, ...pieces);
        return true;
    }
}
