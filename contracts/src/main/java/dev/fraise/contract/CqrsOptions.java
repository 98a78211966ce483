package dev.fraise.contract;

import java.util.List;
import java.util.Objects;

/**
 * Options of the CQRS checks: mutation functions and {@code tv_} projections.
 *
 * @param mutationProfile the calling convention and {@code mutation_response} of the mutation functions
 * @param contextParams   the names of the context parameters every mutation function takes (tenant, user, …):
 *                        first in {@link MutationProfile#V1}, last in {@link MutationProfile#V2}; a mutation's own
 *                        {@code @sqlSource(injectParams:)} (FraiseQL's {@code inject_params}) replaces them
 * @param syncProjections whether to run every {@code tv_} sync function in a rolled-back transaction and compare
 *                        the table with its source view even when neither has rows (it always runs in sample
 *                        mode, and whenever the source view or the table has rows)
 * @param sampleMutations whether sample mode calls every mutation function once with a generated input, in a
 *                        transaction that is rolled back, and checks the entity it returns
 */
public record CqrsOptions(MutationProfile mutationProfile, List<String> contextParams, boolean syncProjections,
        boolean sampleMutations) {

    /**
     * The mutation profile the schema's format implies ({@link MutationProfile#AUTO}), no context parameters;
     * projections compared when they or their sources have rows, and in sample mode; mutations sampled in sample
     * mode.
     */
    public static final CqrsOptions DEFAULT = new CqrsOptions(MutationProfile.AUTO, List.of(), false, true);

    public CqrsOptions {
        Objects.requireNonNull(mutationProfile, "mutationProfile");
        contextParams = List.copyOf(contextParams);
    }

    /** These options with mutations sampled in sample mode. */
    public CqrsOptions(MutationProfile mutationProfile, List<String> contextParams, boolean syncProjections) {
        this(mutationProfile, contextParams, syncProjections, true);
    }
}
