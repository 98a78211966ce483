package dev.fraise.maven;

import dev.fraise.FraiseSettings;
import dev.fraise.config.ProjectConfig;
import dev.fraise.database.Database;
import dev.fraise.database.TemplatePool;
import dev.fraise.database.TemplateRecipe;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.inference.InferenceOptions;
import dev.fraise.inference.ShapeInference;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.shape.ViewShape;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the schema on a disposable PostgreSQL and prints the inferred JSON shape of views' {@code data}
 * columns, one tree per view: every key with its kind, nullability (and why), presence and source.
 * {@code mvn fraise:shape -Dfraise.view=v_post} prints one view; without it, every view and {@code tv_} table.
 */
@Mojo(name = "shape", threadSafe = true, requiresProject = false)
public class ShapeMojo extends AbstractFraiseMojo {

    /** The view or {@code tv_} table to print; all of them when empty. */
    @Parameter(property = "fraise.view")
    String view;

    /** The schemas to infer, comma-separated, searched in order for bare names. */
    @Parameter(property = "fraise.schemas", defaultValue = "public")
    String schemas;

    @Override
    void run(FraiseSettings settings) throws MojoExecutionException {
        ProjectConfig config = projectConfig(settings);
        InferenceOptions options = new InferenceOptions(Arrays.stream(schemas.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList(), Map.of());
        TemplateRecipe recipe = recipe(config, settings);
        try (PostgresServer server = startServer(settings, recipe);
             TemplatePool pool = buildDatabase(server, recipe, settings);
             Database database = pool.acquire();
             Connection connection = database.connect()) {
            ShapeInference inference = ShapeInference.load(connection, options);
            List<ViewShape> shapes = view == null || view.isBlank() ? inference.inferAll()
                    : List.of(inference.infer(view.trim()));
            shapes.forEach(shape -> getLog().info(shape.toTree().stripTrailing()));
            getLog().info("Fraise shape: " + shapes.size() + " relation(s) inferred");
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.SERVER_UNREACHABLE, "the connection to the disposable database failed: "
                    + e.getMessage(), null, e);
        }
    }
}
