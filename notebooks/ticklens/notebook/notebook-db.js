/** A statement failed: names the source, the reason, and the start of the SQL. */
export class NotebookQueryError extends Error {
    source;
    sql;
    name = "NotebookQueryError";
    constructor(
    /** The database file or API URL. */
    source, 
    /** The statement that failed. */
    sql, reason, options) {
        super(`${source}: ${reason}\n  in: ${abbreviate(sql)}`, options);
        this.source = source;
        this.sql = sql;
    }
}
function abbreviate(sql) {
    const oneLine = sql.replace(/\s+/g, " ").trim();
    return oneLine.length <= 160 ? oneLine : `${oneLine.slice(0, 157)}...`;
}
