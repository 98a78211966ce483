package dev.fraise.database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of a pool's databases, which are Fraise's mark: {@code fraise_tpl_<hash12>_<lease>_<check>} for the
 * template, {@code fraise_<hash8>_<lease>_<seq>_<check>} for clones, and {@code fraise_keep_<key24>_<check>} for a
 * template kept beyond its pool on an embedded server ({@link #kept}: no lease, so never an orphan). {@code lease} is the pool's {@link Lease} (8 hex
 * digits), {@code check} the first 8 hex digits of sha256("fraise:disposable:" + the name before it). Since
 * {@code CREATE DATABASE} writes the name, a database is marked from the moment it exists; a name that fails the
 * check (a user's {@code fraise_app}, a copy renamed by hand) is never Fraise's.
 */
record DatabaseNames(String schemaHash, Lease.Id lease) {

    private static final Pattern KEPT = Pattern.compile("(fraise_keep_[0-9a-f]{24})_([0-9a-f]{8})");
    private static final Pattern NAME = Pattern.compile(
            "(fraise_(?:tpl_[0-9a-f]{12}|[0-9a-f]{8})_([0-9a-f]{8})(?:_[0-9]{6,})?)_([0-9a-f]{8})");

    /** The template's name. */
    String template() {
        return signed("fraise_tpl_" + schemaHash.substring(0, 12) + "_" + lease);
    }

    /** The name of clone number {@code sequence}. */
    String clone(int sequence) {
        return signed("fraise_" + schemaHash.substring(0, 8) + "_" + lease + "_" + String.format("%06d", sequence));
    }

    /**
     * The name of the kept template whose content {@code key} describes completely: equal keys, equal names.
     */
    static String kept(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return signed("fraise_keep_" + HexFormat.of().formatHex(hash, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The lease of a database Fraise named; empty for any other name and for kept templates. */
    static Optional<Lease.Id> leaseOf(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches() || !m.group(3).equals(check(m.group(1)))) {
            return Optional.empty();
        }
        return Optional.of(Lease.Id.parse(m.group(2)));
    }

    /** Whether Fraise named {@code name}, so that it may drop it. */
    static boolean isFraises(String name) {
        return leaseOf(name).isPresent() || isKept(name);
    }

    private static boolean isKept(String name) {
        Matcher m = KEPT.matcher(name);
        return m.matches() && m.group(2).equals(check(m.group(1)));
    }

    private static String signed(String base) {
        return base + "_" + check(base);
    }

    private static String check(String base) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("fraise:disposable:" + base).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
