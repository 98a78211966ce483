package dev.fraise.nodetree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeTreeParserTest {

    /** PostgreSQL 15's rendering of {@code 'author', vu.data} inside {@code jsonb_build_object}. */
    private static final String PG15_ARGS = "({CONST :consttype 705 :consttypmod -1 :constcollid 0 :constlen -2"
            + " :constbyval false :constisnull false :location 57 :constvalue 7 [ 97 117 116 104 111 114 0 ]}"
            + " {VAR :varno 6 :varattno 2 :vartype 3802 :vartypmod -1 :varcollid 0 :varlevelsup 0 :varnosyn 6"
            + " :varattnosyn 2 :location 67})";

    @Test
    void readsNodesFieldsAndCStringDatums() {
        List<PgNode> args = NodeTreeParser.parseNodes(PG15_ARGS);
        assertEquals(2, args.size());
        PgNode key = args.get(0);
        assertTrue(key.is("CONST"));
        assertEquals(705, key.integer("consttype"));
        assertFalse(key.flag("constisnull"));
        assertArrayEquals(new byte[] {97, 117, 116, 104, 111, 114, 0}, key.datum("constvalue").orElseThrow());
        PgNode var = args.get(1);
        assertEquals(6, var.integer("varno"));
        assertEquals(3802L, var.number("vartype", 0));
        assertFalse(var.has("varnullingrels"), "PG15 has no varnullingrels");
        assertEquals(Set.of(), var.bits("varnullingrels"));
    }

    @Test
    void readsPostgres14NodeNamesAsTheStructNamesOf15() {
        PgNode coalesce = NodeTreeParser.parseNodes("{COALESCE :coalescetype 25 :args ({CASE :casetype 25 :args"
                + " ({WHEN :expr <> :result <>}) :defresult {ROW :args <>}} {ARRAY :elements <>} {MINMAX :op 0}"
                + " {COLLATE :arg <>} {ROWCOMPARE :rctype 1})}").get(0);
        assertTrue(coalesce.is("COALESCEEXPR"));
        List<PgNode> args = coalesce.nodes("args");
        assertEquals(List.of("CASEEXPR", "ARRAYEXPR", "MINMAXEXPR", "COLLATEEXPR", "ROWCOMPAREEXPR"),
                args.stream().map(PgNode::type).toList());
        assertEquals("CASEWHEN", args.get(0).nodes("args").get(0).type());
        assertEquals("ROWEXPR", args.get(0).node("defresult").orElseThrow().type());
        assertEquals("RANGETBLENTRY", NodeTreeParser.parseNodes("{RTE :rtekind 0}").get(0).type());
    }

    @Test
    void readsBitmapsetsIntegerAndOidListsAndNullPointers() {
        PgNode node = NodeTreeParser.parseNodes("{VAR :varnullingrels (b 3 5) :joinleftcols (i 1 2 3)"
                + " :coltypes (o 23 25) :alias <> :empty (b)}").get(0);
        assertEquals(Set.of(3, 5), node.bits("varnullingrels"));
        assertEquals(List.of(1L, 2L, 3L), node.numbers("joinleftcols"));
        assertEquals(List.of(23L, 25L), node.numbers("coltypes"));
        assertTrue(node.node("alias").isEmpty());
        assertEquals(NodeValue.Null.INSTANCE, node.value("alias"));
        assertEquals(Set.of(), node.bits("empty"));
    }

    @Test
    void readsQuotedStringListsWithEscapesAndEmptyNames() {
        PgNode alias = NodeTreeParser.parseNodes("{ALIAS :aliasname my\\ alias :colnames (\"id\" \"\" \"a\\ b\""
                + " \"x\\(y\\)\")}").get(0);
        assertEquals("my alias", alias.text("aliasname").orElseThrow());
        assertEquals(List.of("id", "", "a b", "x(y)"), alias.strings("colnames"));
    }

    @Test
    void byValueDatumsCarryAWholeDatumWord() {
        PgNode constant = NodeTreeParser.parseNodes("{CONST :consttype 23 :constlen 4 :constbyval true"
                + " :constvalue 4 [ 3 0 0 0 0 0 0 0 ]}").get(0);
        assertEquals(8, constant.datum("constvalue").orElseThrow().length);
    }

    @Test
    void negativeBytesOfSignedCharsAreRead() {
        PgNode constant = NodeTreeParser.parseNodes("{CONST :constvalue 6 [ 24 0 0 0 -61 -87 ]}").get(0);
        byte[] bytes = constant.datum("constvalue").orElseThrow();
        assertEquals((byte) 0xC3, bytes[4]);
        assertEquals((byte) 0xA9, bytes[5]);
    }

    @Test
    void unknownFieldsAndNodeTypesAreKept() {
        PgNode node = NodeTreeParser.parseNodes("{FUTURENODE :brand_new_field {OTHER :x 1} :valueless}").get(0);
        assertEquals("FUTURENODE", node.type());
        assertEquals(1, node.node("brand_new_field").orElseThrow().integer("x"));
        assertTrue(node.has("valueless"));
        assertEquals(-1, node.integer("missing"));
    }

    @Test
    void fieldsKeepPrintedOrderAndEqualAnyMapOfTheSameFields() {
        PgNode node = NodeTreeParser.parseNodes("{OPEXPR :opno 96 :args <> :location -1 :opno 97}").get(0);
        assertEquals(java.util.List.of("opno", "args", "location"), java.util.List.copyOf(node.fields().keySet()));
        assertEquals(97, node.integer("opno"));
        java.util.Map<String, NodeValue> same = new java.util.LinkedHashMap<>();
        same.put("opno", new NodeValue.Token("97"));
        same.put("args", new NodeValue.Null());
        same.put("location", new NodeValue.Token("-1"));
        assertEquals(new PgNode("OPEXPR", same), node);
        assertEquals(new PgNode("OPEXPR", same).hashCode(), node.hashCode());
        assertEquals(-1, node.integer("absent"));
    }

    @Test
    void nestedListsOfListsAreItems() {
        PgNode rte = NodeTreeParser.parseNodes("{RANGETBLENTRY :values_lists (({CONST :a 1} {CONST :a 2})"
                + " ({CONST :a 3} {CONST :a 4}))}").get(0);
        NodeValue.Items rows = (NodeValue.Items) rte.value("values_lists");
        assertEquals(2, rows.values().size());
    }

    @Test
    void malformedTreesFailWithACodeAndOffset() {
        FraiseException unclosed = assertThrows(FraiseException.class,
                () -> NodeTreeParser.parse("({QUERY :commandType 1"));
        assertEquals(ErrorCode.INFERENCE_NODE_TREE_INVALID, unclosed.code());
        assertTrue(unclosed.getMessage().contains("QUERY is never closed"), unclosed.getMessage());
        FraiseException field = assertThrows(FraiseException.class, () -> NodeTreeParser.parse("{VAR varno 1}"));
        assertTrue(field.getMessage().contains("offset 5: expected a field name in node VAR"), field.getMessage());
        FraiseException datum = assertThrows(FraiseException.class,
                () -> NodeTreeParser.parse("{CONST :constvalue 2 [ 1 x ]}"));
        assertTrue(datum.getMessage().contains("expected a number but found 'x'"), datum.getMessage());
        FraiseException trailing = assertThrows(FraiseException.class, () -> NodeTreeParser.parse("{A} {B}"));
        assertTrue(trailing.getMessage().contains("after the end of the tree"), trailing.getMessage());
    }
}
