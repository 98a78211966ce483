package dev.fraise.maven;

import dev.fraise.contract.ContractOptions;
import dev.fraise.ratchet.BaseContracts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The base's contract reports of the current build, shared between goals through the plugin's class realm (one per
 * build, Maven's for every goal of the plugin): {@code diff} with {@code failOn=new} checks the contract on the base
 * database it builds anyway and leaves the report here, so that {@code check} in the same build builds no third
 * database. Entries of another build (a Maven daemon's earlier one) are dropped when one is added.
 */
final class BaseContractCache {

    private static final Map<Key, BaseContracts.Checked> CHECKED = new ConcurrentHashMap<>();

    private BaseContractCache() {
    }

    /**
     * What identifies a base's report: the build, the project, the base, the GraphQL schema's patterns, whether
     * the base's seeds were loaded (the diff gate's base database has none, so a seeded check builds its own) and
     * every contract option (the sample size and mode among them).
     */
    record Key(String build, Path projectDir, String base, List<String> graphqlSchema, boolean seeds,
            ContractOptions options) {

        static Key of(String build, Path projectDir, BaseContracts.Target target, ContractOptions options) {
            return new Key(build, projectDir.toAbsolutePath().normalize(), target.base().describe(),
                    target.graphqlSchema(), target.seeds(), options);
        }
    }

    static void put(Key key, BaseContracts.Checked checked) {
        CHECKED.keySet().removeIf(k -> !k.build().equals(key.build()));
        CHECKED.put(key, checked);
    }

    static Optional<BaseContracts.Checked> get(Key key) {
        return Optional.ofNullable(CHECKED.get(key));
    }
}
