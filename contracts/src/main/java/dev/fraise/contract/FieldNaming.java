package dev.fraise.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a GraphQL field name maps to a JSON key of {@code data}. {@link #CAMEL} (FraiseQL's default) accepts
 * {@code snake_case(field)} or the field name itself; {@link #PRESERVE} only the field name.
 */
public enum FieldNaming {
    /** {@code addressLine1} reads {@code address_line_1} (or {@code addressLine1}). */
    CAMEL,
    /** {@code addressLine1} reads {@code addressLine1}. */
    PRESERVE;

    /** FraiseQL v2's registered acronyms, kept whole: {@code s3Bucket → s3_bucket}. */
    private static final Set<String> ACRONYMS = Set.of("s3", "ec2", "ipv4", "ipv6", "oauth1", "oauth2", "sha1",
            "sha256", "sha512", "md5", "base64", "utf8", "p256", "p384");

    /** The keys a field may be read from, preferred first. */
    public List<String> keysFor(String field) {
        if (this == PRESERVE) {
            return List.of(field);
        }
        String snake = snakeCase(field);
        return snake.equals(field) ? List.of(field) : List.of(snake, field);
    }

    /**
     * FraiseQL v2's acronym- and digit-aware {@code to_snake_case}: {@code HTTPResponse → http_response},
     * {@code userID → user_id}, {@code phone1 → phone_1}, {@code dns1Id → dns_1_id}; idempotent on snake case.
     */
    public static String snakeCase(String name) {
        List<String> words = new ArrayList<>();
        for (String part : name.split("_")) {
            splitCamel(part, words);
        }
        List<String> merged = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (i + 1 < words.size() && Character.isDigit(words.get(i + 1).charAt(0))
                    && ACRONYMS.contains(word + words.get(i + 1))) {
                merged.add(word + words.get(++i));
            } else {
                merged.add(word);
            }
        }
        return String.join("_", merged);
    }

    private static void splitCamel(String part, List<String> into) {
        int start = 0;
        for (int i = 1; i <= part.length(); i++) {
            if (i == part.length() || boundary(part, i)) {
                if (i > start) {
                    into.add(part.substring(start, i).toLowerCase(Locale.ROOT));
                }
                start = i;
            }
        }
    }

    private static boolean boundary(String s, int i) {
        char prev = s.charAt(i - 1);
        char c = s.charAt(i);
        if (Character.isDigit(prev) != Character.isDigit(c)) {
            return true;
        }
        if (Character.isLowerCase(prev) && Character.isUpperCase(c)) {
            return true;
        }
        return Character.isUpperCase(prev) && Character.isUpperCase(c) && i + 1 < s.length()
                && Character.isLowerCase(s.charAt(i + 1));
    }

    /** FraiseQL v2's default view of a type: {@code v_} and an {@code _} before every capital, lower-cased. */
    public static String defaultView(String typeName) {
        StringBuilder out = new StringBuilder("v_");
        for (int i = 0; i < typeName.length(); i++) {
            char c = typeName.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }
}
