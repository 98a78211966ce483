package dev.fraise.contract;

/** How deep the check goes. */
public enum CheckMode {
    /** Only the views' definitions: an empty database suffices. */
    STATIC,
    /** Also up to {@code sampleRows} real rows per view, after seeds are loaded. */
    SAMPLE
}
