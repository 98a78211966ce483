package dev.fraise.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class ShapeMojoTest {

    @Test
    void printsTheInferredTreeOfOneView() throws Exception {
        List<String> log = new ArrayList<>();
        ShapeMojo mojo = mojo(log);
        mojo.view = "v_user";
        mojo.execute();
        assertEquals(List.of("""
                v_user.data (view definition)
                  data: object, non-null  ← jsonb_build_object(...) :: jsonb in v_user
                    id: string, non-null  ← tb_user.id::text :: text in v_user
                    name: string, non-null  ← tb_user.name :: text in v_user
                    email: string, nullable (tb_user.email has no NOT NULL)  ← tb_user.email :: text in v_user""",
                "Fraise shape: 1 relation(s) inferred"), log);
    }

    @Test
    void printsEveryViewWithoutAName() throws Exception {
        List<String> log = new ArrayList<>();
        mojo(log).execute();
        assertEquals(3, log.size(), log.toString());
        assertEquals("Fraise shape: 2 relation(s) inferred", log.get(2));
    }

    @Test
    void anUnknownViewIsAToolErrorWithItsCode() {
        ShapeMojo mojo = mojo(new ArrayList<>());
        mojo.view = "v_nope";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("INFERENCE_RELATION_MISSING: no view or table v_nope in schemas [public]", e.getMessage());
    }

    private static ShapeMojo mojo(List<String> log) {
        ShapeMojo mojo = new ShapeMojo();
        mojo.projectDir = new File("src/test/resources/projects/views");
        mojo.env = "local";
        mojo.provider = "embedded";
        mojo.schemas = "public";
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add(content.toString());
            }
        });
        return mojo;
    }
}
