package dev.fraise.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** FraiseQL v2's naming rules (reference A.3): acronym- and digit-aware snake case, default views. */
class FieldNamingTest {

    @ParameterizedTest
    @CsvSource({
        "addressLine1, address_line_1",
        "userID, user_id",
        "HTTPResponse, http_response",
        "phone1, phone_1",
        "dns1Id, dns_1_id",
        "s3Bucket, s3_bucket",
        "ipv4Address, ipv4_address",
        "sha256Sum, sha256_sum",
        "fullName, full_name",
        "id, id",
        "address_line_1, address_line_1",
        "createdAt, created_at",
    })
    void snakeCaseIsAcronymAndDigitAwareAndIdempotent(String field, String key) {
        assertEquals(key, FieldNaming.snakeCase(field));
        assertEquals(key, FieldNaming.snakeCase(key));
    }

    @Test
    void camelAcceptsTheSnakeKeyOrTheFieldNamePreserveOnlyTheName() {
        assertEquals(List.of("full_name", "fullName"), FieldNaming.CAMEL.keysFor("fullName"));
        assertEquals(List.of("title"), FieldNaming.CAMEL.keysFor("title"));
        assertEquals(List.of("fullName"), FieldNaming.PRESERVE.keysFor("fullName"));
    }

    @ParameterizedTest
    @CsvSource({"OrderItem, v_order_item", "User, v_user", "UserWithPosts, v_user_with_posts"})
    void defaultViewInsertsAnUnderscoreBeforeEveryCapital(String type, String view) {
        assertEquals(view, FieldNaming.defaultView(type));
    }
}
