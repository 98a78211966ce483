package dev.fraise.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decodes the raw bytes of constants stored in a view's tree ({@code :constvalue}): C strings of {@code unknown}
 * literals, varlena text, {@code json} text and the {@code jsonb} binary format (header, JEntries, numerics).
 * Byte order is the server's; PostgreSQL stores little-endian on the platforms Fraise embeds.
 */
final class Datums {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

    private static final int JB_COUNT = 0x0FFFFFFF;
    private static final int JB_SCALAR = 0x10000000;
    private static final int JB_OBJECT = 0x20000000;
    private static final int JENTRY_OFFLEN = 0x0FFFFFFF;
    private static final int JENTRY_TYPE = 0x70000000;
    private static final int JENTRY_HAS_OFF = 0x80000000;

    private Datums() {
    }

    /** The text of a string constant: {@code constlen -2} (C string), {@code -1} (varlena) or a fixed name. */
    static Optional<String> text(byte[] datum, int constlen) {
        if (constlen == -2 || constlen > 0) {
            int end = 0;
            while (end < datum.length && datum[end] != 0) {
                end++;
            }
            return Optional.of(new String(datum, 0, end, StandardCharsets.UTF_8));
        }
        return varlenaPayload(datum).map(p -> new String(p, StandardCharsets.UTF_8));
    }

    /** A {@code json} or {@code jsonb} constant as a JSON tree. */
    static Optional<JsonNode> json(byte[] datum, boolean binary) {
        Optional<byte[]> payload = varlenaPayload(datum);
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (!binary) {
                return Optional.of(MAPPER.readTree(payload.get()));
            }
            JsonNode root = container(payload.get(), 0);
            return Optional.of(root);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> varlenaPayload(byte[] datum) {
        if (datum.length == 0) {
            return Optional.empty();
        }
        int first = datum[0] & 0xFF;
        if ((first & 0x01) == 1) {
            int length = first >> 1;
            return first == 1 || length > datum.length ? Optional.empty()
                    : Optional.of(Arrays.copyOfRange(datum, 1, length));
        }
        if ((first & 0x03) != 0 || datum.length < 4) {
            return Optional.empty();
        }
        int length = readInt(datum, 0) >>> 2;
        return length > datum.length ? Optional.empty() : Optional.of(Arrays.copyOfRange(datum, 4, length));
    }

    private static JsonNode container(byte[] data, int start) {
        int header = readInt(data, start);
        int count = header & JB_COUNT;
        boolean object = (header & JB_OBJECT) != 0;
        int entries = object ? count * 2 : count;
        int entryStart = start + 4;
        int dataStart = entryStart + 4 * entries;
        JsonNode[] values = new JsonNode[entries];
        int offset = 0;
        for (int i = 0; i < entries; i++) {
            int entry = readInt(data, entryStart + 4 * i);
            int end = (entry & JENTRY_HAS_OFF) != 0 ? entry & JENTRY_OFFLEN : offset + (entry & JENTRY_OFFLEN);
            values[i] = scalarOrContainer(data, entry, dataStart + offset, end - offset, dataStart);
            offset = end;
        }
        if ((header & JB_SCALAR) != 0 && count == 1) {
            return values[0];
        }
        if (object) {
            ObjectNode node = NODES.objectNode();
            for (int i = 0; i < count; i++) {
                node.set(values[i].asText(), values[count + i]);
            }
            return node;
        }
        ArrayNode node = NODES.arrayNode();
        Arrays.stream(values).forEach(node::add);
        return node;
    }

    private static JsonNode scalarOrContainer(byte[] data, int entry, int at, int length, int dataStart) {
        switch (entry & JENTRY_TYPE) {
            case 0x00000000:
                return NODES.textNode(new String(data, at, length, StandardCharsets.UTF_8));
            case 0x10000000:
                return NODES.numberNode(numeric(data, align(at, dataStart)));
            case 0x20000000:
                return NODES.booleanNode(false);
            case 0x30000000:
                return NODES.booleanNode(true);
            case 0x40000000:
                return NODES.nullNode();
            default:
                return container(data, align(at, dataStart));
        }
    }

    private static int align(int at, int dataStart) {
        int relative = at - dataStart;
        return dataStart + ((relative + 3) & ~3);
    }

    /** A numeric datum (short or long format) as a {@link BigDecimal} with its display scale. */
    static BigDecimal numeric(byte[] data, int at) {
        int first = data[at] & 0xFF;
        int headerSize = (first & 0x01) == 1 ? 1 : 4;
        int length = headerSize == 1 ? first >> 1 : readInt(data, at) >>> 2;
        int p = at + headerSize;
        int end = at + length;
        int word = readShort(data, p);
        int sign;
        int dscale;
        int weight;
        if ((word & 0xC000) == 0x8000) {
            sign = (word & 0x2000) != 0 ? -1 : 1;
            dscale = (word & 0x1F80) >> 7;
            weight = (word & 0x0040) != 0 ? (word | ~0x003F) : (word & 0x003F);
            p += 2;
        } else if ((word & 0xC000) == 0xC000) {
            throw new IllegalArgumentException("NaN or infinity cannot be in jsonb");
        } else {
            sign = (word & 0x4000) != 0 ? -1 : 1;
            dscale = word & 0x3FFF;
            weight = (short) readShort(data, p + 2);
            p += 4;
        }
        BigInteger digits = BigInteger.ZERO;
        int count = 0;
        for (; p + 1 < end; p += 2, count++) {
            digits = digits.multiply(BigInteger.valueOf(10000)).add(BigInteger.valueOf(readShort(data, p)));
        }
        BigDecimal value = new BigDecimal(digits).scaleByPowerOfTen(4 * (weight - count + 1));
        return (sign < 0 ? value.negate() : value).setScale(dscale, java.math.RoundingMode.UNNECESSARY);
    }

    private static int readInt(byte[] data, int at) {
        return (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF) << 16 | (data[at + 3] & 0xFF) << 24;
    }

    private static int readShort(byte[] data, int at) {
        return (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8;
    }
}
