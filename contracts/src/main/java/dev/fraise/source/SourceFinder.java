package dev.fraise.source;

import dev.fraise.error.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds, by name, the line of a set of SQL files where an object is probably defined: the first line naming the
 * object, after the first line naming its owner table when it has one, or the line of its {@code CREATE} statement.
 * Best effort: it reads text, not SQL. The drift gates locate catalog differences with it, the contract checker the
 * {@code tv_} projections and their sync functions.
 */
public final class SourceFinder {

    private final List<Source> sources;
    private final Map<Path, List<String>> lines = new HashMap<>();

    /**
     * A file to search.
     *
     * @param path    where to read it
     * @param display how to show it in a location
     */
    public record Source(Path path, Path display) {
    }

    /** A finder over {@code sources}, searched in order. */
    public SourceFinder(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * Where {@code name} (the last part of a qualified name) is: below a line naming {@code owner}, else anywhere,
     * else on a line naming both the owner and {@code kindWord} (an unnamed {@code CREATE INDEX ON t}), else
     * where the owner is named.
     *
     * @param owner    the owner's qualified name (a column's table), or {@code null}
     * @param name     the object's qualified name, possibly with a routine signature
     * @param kindWord a word of the statement that creates such an object, e.g. {@code index}
     */
    public Optional<SourceLocation> locate(String owner, String name, String kindWord) {
        String simple = simpleName(name);
        String table = owner == null ? null : simpleName(owner);
        List<Search> searches = new ArrayList<>();
        if (table != null) {
            searches.add(source -> {
                int tableLine = find(source, table, 0);
                return tableLine < 0 ? -1 : find(source, simple, tableLine);
            });
        }
        searches.add(source -> find(source, simple, 0));
        if (table != null) {
            searches.add(source -> {
                for (int at = find(source, table, 0); at >= 0; at = find(source, table, at + 1)) {
                    if (word(kindWord).matcher(text(source).get(at)).find()) {
                        return at;
                    }
                }
                return -1;
            });
            searches.add(source -> find(source, table, 0));
        }
        for (Search search : searches) {
            for (Source source : sources) {
                int at = search.line(source);
                if (at >= 0) {
                    return Optional.of(SourceLocation.of(source.display(), at + 1));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Where {@code name} is created: the first line holding {@code CREATE} and then the name (the table of
     * {@code CREATE TABLE tv_user (}, the function of {@code CREATE OR REPLACE FUNCTION app.sync_tv_user()}), else
     * the first line naming it.
     *
     * @param name the object's qualified name, possibly with a routine signature
     */
    public Optional<SourceLocation> definition(String name) {
        String simple = simpleName(name);
        Pattern create = Pattern.compile("(?<![A-Za-z0-9_$])CREATE(?![A-Za-z0-9_$]).*" + word(simple).pattern(),
                Pattern.CASE_INSENSITIVE);
        for (Source source : sources) {
            List<String> text = text(source);
            for (int i = 0; i < text.size(); i++) {
                if (create.matcher(text.get(i)).find()) {
                    return Optional.of(SourceLocation.of(source.display(), i + 1));
                }
            }
        }
        return locate(null, name, "");
    }

    /** The first line at or after {@code from} that names {@code word}, or -1. */
    private int find(Source source, String word, int from) {
        Pattern pattern = word(word);
        List<String> text = text(source);
        for (int i = from; i < text.size(); i++) {
            if (pattern.matcher(text.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }

    private List<String> text(Source source) {
        return lines.computeIfAbsent(source.path(), SourceFinder::read);
    }

    private static Pattern word(String word) {
        return Pattern.compile("(?<![A-Za-z0-9_$\"])\"?" + Pattern.quote(word) + "\"?(?![A-Za-z0-9_$])",
                Pattern.CASE_INSENSITIVE);
    }

    /** {@code public.tb_post.title} → {@code title}; {@code public.f(integer)} → {@code f}; quotes dropped. */
    public static String simpleName(String qualified) {
        String name = qualified;
        int paren = name.indexOf('(');
        if (paren >= 0) {
            name = name.substring(0, paren);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < name.length() && name.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts.get(parts.size() - 1);
    }

    @FunctionalInterface
    private interface Search {
        int line(Source source);
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }
}
