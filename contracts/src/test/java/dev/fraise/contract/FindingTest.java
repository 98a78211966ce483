package dev.fraise.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fraise.error.SourceLocation;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a finding prints: each name once in its location, none repeated three times in a line. */
class FindingTest {

    @Test
    void aFieldFindingNamesItsSdlLocationViewAndJsonPath() {
        Finding finding = new Finding(FindingCode.FIELD_NULLABLE, "Post.author", "Post", Optional.of("author"),
                Optional.of(new SourceLocation(Path.of("schema.graphql"), 12, 3)), "v_post", "$.author",
                "Post.author is User! but its value can be null", "nullable: LEFT JOIN v_user vu in v_post",
                Optional.empty());
        assertEquals("ERROR FIELD_NULLABLE Post.author (schema.graphql:12:3, v_post $.author): Post.author is User! "
                + "but its value can be null [nullable: LEFT JOIN v_user vu in v_post]", finding.toString());
    }

    @Test
    void aFindingOnAWholeRelationDoesNotRepeatItAsItsLocation() {
        Finding finding = new Finding(FindingCode.TV_SHAPE_INVALID, "tv_post", "", Optional.empty(),
                Optional.empty(), "tv_post", "$", "tv_post is not (id uuid PRIMARY KEY, data jsonb NOT NULL): no data"
                + " column", "", Optional.empty());
        assertEquals("", finding.where());
        assertEquals("ERROR TV_SHAPE_INVALID tv_post: tv_post is not (id uuid PRIMARY KEY, data jsonb NOT NULL): no"
                + " data column", finding.toString());
    }

    @Test
    void aFindingInsideARelationKeepsItsJsonPath() {
        Finding finding = new Finding(FindingCode.TV_OUT_OF_SYNC, "tv_post", "", Optional.empty(), Optional.empty(),
                "tv_post", "$.title", "after sync_tv_post(), 1 row of tv_post differ from v_post", "",
                Optional.empty());
        assertEquals("tv_post $.title", finding.where());
    }
}
