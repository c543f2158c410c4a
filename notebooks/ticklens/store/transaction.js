/**
 * Runs `fn` between BEGIN and COMMIT on `connection`; rolls back and rethrows when `fn` (or the COMMIT) throws.
 *
 * @param connection a connection with no open transaction, used by nothing else meanwhile
 * @param fn the work, issuing its statements on `connection`
 * @returns what `fn` returns, once committed
 * @throws whatever `fn` or DuckDB throws, after the rollback
 * @example
 * await inTransaction(connection, () => connection.run("INSERT INTO alerts (id, rule) VALUES ('a', '{}')"));
 */
export async function inTransaction(connection, fn) {
    await connection.run("BEGIN TRANSACTION");
    try {
        const result = await fn();
        await connection.run("COMMIT");
        return result;
    }
    catch (error) {
        // After a failed statement DuckDB keeps the transaction open but aborted; after a failed COMMIT it is already
        // gone and this ROLLBACK's own error ("no transaction is active") is not the one worth reporting.
        await connection.run("ROLLBACK").catch(() => undefined);
        throw error;
    }
}
