package dev.fraise.config;

/** How schema files are ordered, as Confiture's {@code build.sort_mode}. */
public enum SortMode {
    /** One global sort of all paths, compared component by component (Confiture's default). */
    ALPHABETICAL,
    /** Files whose stem starts with an uppercase hex prefix and {@code _} sort by that number, on the file name only. */
    HEX
}
