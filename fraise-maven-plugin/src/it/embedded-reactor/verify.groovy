String log = new File(basedir, 'build.log').getText('UTF-8')
assert (log =~ /Fraise uses embedded PostgreSQL \d+/).count == 4: 'build and check of two modules: four embedded servers'
assert (log =~ /Fraise (built|reused) template \S+/).count == 4: 'each goal built its template or reused it from a snapshot'
assert !log.contains('NoClassDefFoundError'): 'the shutdown hook stays quiet once the plugin realm is gone'
assert (log =~ /Fraise check: 2 types: 1 checked, 1 not checked \(root type: 1\); (\d) of \1 fields checked; against 1 view: 0 errors, 0 warnings/).count == 2
['a', 'b'].each { assert new File(basedir, "$it/target/fraise/report.json").isFile() }
assert log.contains('BUILD SUCCESS')
def warning = "[WARNING] CONFIG_UNKNOWN_KEY: db/environments/local.yaml:5: unknown key 'colour' (ignored)"
assert log.count(warning) == 1: 'a config warning is logged once, by the plugin, not again by the engine'
['postmaster started', 'Did not clean up directory', 'database system is ready', 'Detected a Linux']
        .each { assert !log.contains(it): "zonky's INFO output stays out of the build log: $it" }
return true
