String log = new File(basedir, 'build.log').getText('UTF-8')
// The four invocations ran with -X (the mojo configuration dump is there) and failed where expected.
assert log.contains('[DEBUG] Configuring mojo') && log.contains('(f) session = ')
assert log.contains('SERVER_UNREACHABLE: cannot connect to postgresql://app:***@127.0.0.1:1/app within 5 s')
assert log.contains('cannot connect to the target database postgresql://app:***@127.0.0.1:1/app')
assert log.contains('SETTING_INVALID: plugin parameter serverUrl (fraise.server.url) is not a PostgreSQL URL Fraise'
        + ' can use: its password has a \'%\' not followed by two hex digits')
// A password given as a user property is warned about, once per goal, in one line.
assert log.contains('[WARNING] SETTING_PASSWORD_EXPOSED: plugin parameter serverUrl (fraise.server.url) holds a'
        + ' database password')
assert log.contains('[WARNING] SETTING_PASSWORD_EXPOSED: plugin parameter databaseUrl (fraise.databaseUrl) holds a'
        + ' database password')
// Not one line of the debug log shows the password, nor a part of it.
['Pl4nted-9f3c2e71', 'Pl4nted', '9f3c2e71'].each { part ->
    def leaks = log.readLines().findAll { it.contains(part) }
    assert leaks.isEmpty(): "the password leaks:\n" + leaks.join('\n')
}
return true
