String log = new File(basedir, 'build.log').getText('UTF-8')
['baseline', 'baseline-contracts', 'build', 'check', 'diff', 'drift', 'help', 'migrate', 'migrate-down', 'report', 'shape', 'status'].each {
    assert log.contains("fraise:$it\n"): "goal $it missing from help"
}
['graphqlSchema', 'failOn', 'reportFormats', 'baseRef', 'databaseUrl', 'migrationsDir', 'postgresMajor',
 'serverUrl', 'skip', 'target', 'steps', 'mutationProfile', 'contextParams', 'scalarTypes', 'lint', 'lintSeverity',
 'lintExclude', 'projectionSync', 'projectionSources', 'failOnUnchecked', 'deferFailure', 'reportDirectory'].each {
    assert log.contains("    $it"): "parameter $it missing from help"
}
assert log.contains('User property: fraise.mutationProfile')
assert log.contains('User property: fraise.failOnUnchecked')
assert !log.contains('userProperties'): 'the read-only session properties are no user parameter'
// every parameter has a description: no "(no description)"
assert !log.contains('(no description)')
return true
