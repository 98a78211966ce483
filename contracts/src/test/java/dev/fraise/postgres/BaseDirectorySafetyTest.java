package dev.fraise.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded provider's base directory is the user's own, or it is not used at all. */
class BaseDirectorySafetyTest {

    @TempDir
    Path root;

    @Test
    void theDefaultBaseIsNamedAfterTheUserAndCreatedPrivate() throws Exception {
        Process id = new ProcessBuilder("id", "-u").start();
        String uid = new String(id.getInputStream().readAllBytes()).trim();
        assertEquals("fraise-pg-" + uid, DataDirectories.defaultLocation().base().getFileName().toString());

        Path base = root.resolve("fraise-pg-" + uid);
        new DataDirectories(base).secureBase();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(base)));
        Path loose = Files.createDirectory(root.resolve("loose"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        new DataDirectories(loose).secureBase();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(loose)),
                "an own directory others can only read is tightened");
    }

    @Test
    void aBaseOthersCanWriteIsNeverUsedNorAnythingCachedInIt() throws Exception {
        Path base = Files.createDirectory(root.resolve("shared"));
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxrwxrwx"));
        String key = EmbeddedBinaries.require(OptionalInt.empty()).cacheKey();
        Path planted = Files.createDirectories(base.resolve("initdb-" + key));
        Files.writeString(planted.resolve("PG_VERSION"), "17\n");

        FraiseException e = assertThrows(FraiseException.class,
                () -> EmbeddedServerProvider.start(OptionalInt.empty(), new DataDirectories(base), "unshare"));
        assertEquals(ErrorCode.EMBEDDED_DIR_UNSAFE, e.code());
        assertEquals("EMBEDDED_DIR_UNSAFE: " + base + " is writable by other users (mode rwxrwxrwx); Fraise runs"
                + " PostgreSQL binaries and clusters cached there only from a directory of the user's own: remove it,"
                + " or set -Dfraise.embedded.dir to a directory you own", e.getMessage());
        assertNothingUsed(base);
    }

    @Test
    void aBaseOfAnotherUserIsNeverUsed() throws Exception {
        assumeTrue(EmbeddedServerProvider.isRoot(), "only root can give a directory to another user");
        Path base = Files.createDirectory(root.resolve("theirs"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Files.setAttribute(base, "unix:uid", 65534);
        FraiseException e = assertThrows(FraiseException.class,
                () -> EmbeddedServerProvider.start(OptionalInt.empty(), new DataDirectories(base), "unshare"));
        assertEquals(ErrorCode.EMBEDDED_DIR_UNSAFE, e.code());
        assertTrue(e.getMessage().contains(base + " belongs to uid 65534, not to this user (uid 0)"), e.getMessage());
        assertNothingUsed(base);
    }

    @Test
    void aSymbolicLinkIsNoBase() throws Exception {
        Path target = Files.createDirectory(root.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(root.resolve("link"), target);
        FraiseException e = assertThrows(FraiseException.class, () -> new DataDirectories(link).newDataDirectory());
        assertEquals(ErrorCode.EMBEDDED_DIR_UNSAFE, e.code());
        assertTrue(e.getMessage().contains(link + " is a symbolic link or not a directory"), e.getMessage());
    }

    private static void assertNothingUsed(Path base) throws Exception {
        try (Stream<Path> children = Files.list(base)) {
            assertFalse(children.anyMatch(p -> p.getFileName().toString().startsWith("data-")
                    || p.getFileName().toString().equals("binaries")), "no server was started from " + base);
        }
    }
}
