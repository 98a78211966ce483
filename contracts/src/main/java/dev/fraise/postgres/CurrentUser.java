package dev.fraise.postgres;

import java.util.OptionalLong;

/** Who this JVM runs as, for the per-user directories and the root check. */
final class CurrentUser {

    private CurrentUser() {
    }

    /** The numeric user id, where the platform has one (not on Windows). */
    static OptionalLong uid() {
        try {
            return OptionalLong.of(new com.sun.security.auth.module.UnixSystem().getUid());
        } catch (RuntimeException | LinkageError e) {
            return OptionalLong.empty();
        }
    }

    /** The uid as text, else the user name reduced to characters safe in a file name. */
    static String id() {
        OptionalLong uid = uid();
        return uid.isPresent() ? Long.toString(uid.getAsLong())
                : System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
