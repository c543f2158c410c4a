/**
 * Upper triangle (j ≥ i) of XᵀX for the mean-centred columns, row-major k×k. Columns must be finite and equally
 * long (the caller validates).
 */
export declare function centredGram(columns: readonly Float64Array[], useSimd?: boolean): Float64Array;
