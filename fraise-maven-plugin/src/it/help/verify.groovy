String log = new File(basedir, 'build.log').getText('UTF-8')
['baseline', 'build', 'check', 'diff', 'drift', 'help', 'migrate', 'migrate-down', 'shape', 'status'].each {
    assert log.contains("fraise:$it\n"): "goal $it missing from help"
}
['graphqlSchema', 'failOn', 'reportFormats', 'baseRef', 'databaseUrl', 'migrationsDir', 'postgresMajor',
 'serverUrl', 'skip', 'target', 'steps'].each {
    assert log.contains("    $it"): "parameter $it missing from help"
}
// every parameter has a description: no "(no description)"
assert !log.contains('(no description)')
return true
